/**
 * The child side of a bulk pull (see pullInChild): `smo __sync-pull` reads one JSON request on stdin
 * — the workspace database, the team folder, this device's id, the team's key generations — runs pullFolder
 * on its own connection in one transaction, and prints the report as JSON. The key travels on
 * stdin only, never in arguments or the environment where other processes could read it.
 */
import Database from 'better-sqlite3'
import { z } from 'zod'
import { pullFolder } from './folderSync'
import type { PullReport } from './folderSync'
import { SqliteSyncStore } from './sqliteSyncStore'
import { SyncFolder } from './syncFolder'
import { realFolderIo } from './folderIo'
import { signingGuard } from './signing/signingGuard'
import { readTeamTrust, SIGNING_FILE } from './signing/teamTrust'

export const pullRequest = z.object({
  db: z.string(),
  dir: z.string(),
  teamId: z.string(),
  device: z.string().regex(/^[0-9a-f]{16}$/),
  keys: z.array(z.object({ keyId: z.string(), key: z.string() })),
  /** A signed team: the child reads TEAM.signing.json and the keys itself and judges every file. */
  signed: z.boolean().optional(),
  wallMs: z.number(),
  schema: z.number().optional(),
  app: z.string().optional()
})
export type PullRequest = z.infer<typeof pullRequest>

/** `maxRssMb`: the child's peak resident memory, for the benchmark and the log. */
export type PullResponse = { report: PullReport; tables: string[]; maxRssMb: number }

export function runPullChild(input: string): PullResponse {
  const req = pullRequest.parse(JSON.parse(input))
  const db = new Database(req.db)
  try {
    db.pragma('journal_mode = WAL')
    // NORMAL, not the app's FULL: everything this transaction writes can be read again from the
    // team folder, and WAL still never corrupts, so a power cut can only make the next round pull it
    // again. Syncing 100 MB of WAL at commit cost the 1 M-op join two seconds.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    const tables = new Set<string>()
    const store = new SqliteSyncStore(db, req.device, { now: () => req.wallMs, onApplied: (c) => c.tables.forEach((t) => tables.add(t)) })
    const keys = req.keys.map((k) => ({ keyId: k.keyId, key: Buffer.from(k.key, 'base64') }))
    const folder = new SyncFolder(req.dir, { teamId: req.teamId, readKeys: keys, writeKey: null, schema: req.schema, app: req.app })
    // Trust comes from the folder, as in the parent: a request cannot switch the checks off for a signed team.
    const trust = readTeamTrust(realFolderIo, req.dir, req.teamId)
    if (req.signed === true && trust === null) throw new Error(`${SIGNING_FILE} is missing from the team folder`)
    const report = pullFolder(store, folder, req.wallMs, trust ? signingGuard(db, trust) : null)
    return { report, tables: [...tables].sort(), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }
  } finally {
    db.close()
  }
}

/** `smo __sync-pull` (bin/smo.mjs starts this without loading the CLI): stdin request → stdout JSON. */
export async function pullChildMain(): Promise<number> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  process.stdout.write(`${JSON.stringify(runPullChild(Buffer.concat(chunks).toString('utf8')))}\n`)
  return 0
}
