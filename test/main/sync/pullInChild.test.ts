/**
 * A bulk pull in a child process (pullInChild): the same workspace as a pull in-process, plain and
 * encrypted (the key travels on stdin), and a child that cannot start falls back to in-process.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { sql } from '../../../src/main/backend/db/sql'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncFolderOf, syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { syncRound } from '../../../src/main/backend/sync/syncRound'
import { tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function setup(passphrase?: string) {
  const t = tempDir('smo-child-pull-')
  cleanups.push(t.cleanup)
  const folder = join(t.dir, 'Dropbox')
  mkdirSync(folder)
  const workspace = async (name: string): Promise<Backend> => {
    const ws = await openWorkspace(join(t.dir, name), { create: true, lock: 'test' })
    const b = createBackend(ws, memorySettings({ deviceName: name }), fileSecrets(join(t.dir, `${name}-userdata`)))
    cleanups.push(() => b.close())
    return b
  }
  const a = await workspace('a')
  syncSetup(a, { mode: 'create', folder, passphrase })
  for (let i = 0; i < 40; i++) recordService.create(a, 'channel', { name: `Channel ${i}`, platform: 'blog', notes: `note ${i}` })
  syncNow(a)
  const c = await workspace('c')
  return { a, c, teamDir: syncFolderOf(a) as string, teamId: a.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value as string }
}

const heads = (b: Backend): string => JSON.stringify(b.db.all(sql`SELECT tbl, row_id, col, op, hlc, value, base FROM field_head WHERE tbl = 'channel' ORDER BY tbl, row_id, col, op`))
const channels = (b: Backend): string => JSON.stringify(b.db.all(sql`SELECT id, name, notes FROM channel ORDER BY id`))

function round(c: Backend, teamDir: string, teamId: string, dataKey: { keyId: string; key: Buffer } | null) {
  const changed: string[] = []
  const watched = new SqliteSyncStore(c.db.raw, c.ws.deviceId, { onApplied: (x) => changed.push(...x.tables) })
  const r = syncRound({ store: watched, dir: teamDir, teamId, dataKey, deviceName: 'c', app: '0.1.0', schema: latestVersion, now: Date.now(), childPullBytes: 0 })
  return { r, changed }
}

describe('a bulk pull in a child process', () => {
  it('fills the workspace exactly like a pull in-process, and tells the host which tables changed', async () => {
    const t = await setup()
    const { r, changed } = round(t.c, t.teamDir, t.teamId, null)
    expect(r.pulledInChild).toBe(true)
    expect(r.received).toBe(40)
    expect(r.problems).toEqual([])
    expect(channels(t.c)).toBe(channels(t.a))
    // The registers too (written back many rows per statement): the same heads as the author's.
    expect(heads(t.c)).toBe(heads(t.a))
    expect(heads(t.c).length).toBeGreaterThan(1000)
    expect(changed).toContain('channel')
  }, 60_000)

  it('reads an encrypted team with the key passed on stdin', async () => {
    const t = await setup('correct horse')
    const key = t.a.secrets.get(`team-data-key:${t.teamId}:${resolve(t.a.ws.paths.dir)}`)
    expect(key).toBeTruthy()
    const parsed = JSON.parse(key as string) as { keyId: string; key: string }
    const { r } = round(t.c, t.teamDir, t.teamId, { keyId: parsed.keyId, key: Buffer.from(parsed.key, 'base64') })
    expect(r.pulledInChild).toBe(true)
    expect(channels(t.c)).toBe(channels(t.a))
  }, 60_000)

  it('falls back to pulling in-process when the child cannot start', async () => {
    const t = await setup()
    const before = process.env.NODE_OPTIONS
    process.env.NODE_OPTIONS = '--no-such-node-option'
    try {
      const { r } = round(t.c, t.teamDir, t.teamId, null)
      expect(r.pulledInChild).toBe(false)
      expect(r.received).toBe(40)
      expect(channels(t.c)).toBe(channels(t.a))
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS
      else process.env.NODE_OPTIONS = before
    }
  }, 60_000)
})

describe('where a bulk pull runs (pullChildKind)', () => {
  it('a Node host starts the smo child; the desktop app never starts its own binary as Node (fuses) and pulls in-process', async () => {
    const { pullChildKind } = await import('../../../src/main/backend/sync/pullChildKind')
    expect(pullChildKind({ electron: undefined, smoScript: true })).toBe('node-process')
    expect(pullChildKind({ electron: undefined, smoScript: false })).toBe('in-process')
    expect(pullChildKind({ electron: '45.4.1', smoScript: true })).toBe('in-process')
    expect(pullChildKind({ electron: '45.4.1', smoScript: false })).toBe('in-process')
  })
})
