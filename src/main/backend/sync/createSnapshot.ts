/**
 * Writes a snapshot of this workspace's replicated state into the team folder (SYNC.md §2.9).
 *
 * `VACUUM INTO` gives a consistent copy without blocking writers; the copy keeps only the replicated
 * tables (the record tables, field registers, refs, parked writes, the received set and the
 * high-water marks) and this device's own published ops join the received set, so a joiner that
 * loads it treats exactly the covered ops as received: re-reading one of them is a duplicate, never
 * a resurrected ancestor. The file is gzip-compressed, encrypted with the team key when the team has
 * one (the AAD binds the snapshot id), published temp → create-only rename → read back and hashed,
 * and only then is the manifest written: a crash at any step leaves no manifest, so no snapshot.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { encryptBlocks } from './blockCipher'
import type { DataKey } from './blockCipher'
import { classifyFsError, SyncFolderError } from './folderError'
import type { FolderIo } from './folderIo'
import { ReceivedRuns } from './receivedRuns'
import { SNAPSHOT_DIR, SNAPSHOT_FORMAT, snapshotFileName, snapshotId } from './snapshotManifest'
import type { SnapshotManifest } from './snapshotManifest'
import { snapshotSignedText } from './snapshotManifest'
import { writeOnce } from './teamFolder'

/** Tables a snapshot carries besides the record tables; everything else is this machine's own. */
export const SNAPSHOT_SYNC_TABLES = ['field_head', 'sync_ref', 'sync_pending', 'sync_received', 'sync_device', 'sync_member_write'] as const

export type SnapshotInput = {
  db: Database.Database
  /** Record tables (the replicated app tables). */
  recordTables: readonly string[]
  teamDir: string
  teamId: string
  device: string
  dataKey: DataKey | null
  io: FolderIo
  now: number
  /** A stamp that orders this snapshot after any earlier one of ours (the device's HLC). */
  hlc: string
  /** This device's last published seq; its ops up to there are covered, unpublished ones are not. */
  lastPublished: number
  /** Signed teams: the writer signs the manifest (and so, by its SHA-256, the file). */
  signer?: { keyId: string; sign: (text: string) => string } | null
}

/** Null when there is nothing to snapshot safely (an own op without a fingerprint yet). */
export function createSnapshot(input: SnapshotInput): SnapshotManifest | null {
  const { db, device, teamId } = input
  const id = snapshotId(input.hlc, device)
  const temp = path.join(path.dirname(db.name), `.${id}-${randomBytes(4).toString('hex')}.sqlite`)
  try {
    db.prepare('VACUUM INTO ?').run(temp)
    const copy = new Database(temp)
    let covered: Record<string, number>
    let schema: number
    try {
      copy.pragma('journal_mode = OFF')
      const keep = new Set<string>([...input.recordTables, ...SNAPSHOT_SYNC_TABLES])
      const tables = (copy.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name)
      const own = copy.prepare(`SELECT seq, hash FROM change_tx WHERE dev = ? AND seq <= ? ORDER BY seq`).all(device, input.lastPublished) as { seq: number; hash: string | null }[]
      // Published ops all have their fingerprint (it is set when an op is encoded for the folder).
      if (own.some((r) => r.hash === null) || own.length !== input.lastPublished) return null
      copy.transaction(() => {
        for (const t of tables) {
          // Names come from sqlite_schema of our own copy, never from input; quoted all the same.
          if (!keep.has(t)) copy.prepare(`DELETE FROM "${t.replace(/"/g, '""')}"`).run()
        }
        copy.prepare(`DELETE FROM sync_received WHERE dev = ?`).run(device)
        new ReceivedRuns(copy).add(device, own.map((r) => [r.seq, r.hash as string] as const))
        copy.prepare(`UPDATE sync_device SET name = '', app = '', ack = '{}', published = 0, clock_wall = NULL, seen_at = NULL`).run()
        copy.prepare(`INSERT INTO sync_device (dev, hwm) VALUES (?, ?) ON CONFLICT(dev) DO UPDATE SET hwm = excluded.hwm`).run(device, input.lastPublished)
      })()
      covered = Object.fromEntries((copy.prepare(`SELECT dev, hwm FROM sync_device WHERE hwm > 0 ORDER BY dev`).all() as { dev: string; hwm: number }[]).map((r) => [r.dev, r.hwm]))
      schema = Number(copy.pragma('user_version', { simple: true }))
      copy.exec('VACUUM')
    } finally {
      copy.close()
    }
    const gz = gzipSync(readFileSync(temp), { level: 3 })
    const data = input.dataKey ? encryptBlocks(gz, input.dataKey, { team: teamId, dev: id, first: 0, last: 0 }) : gz
    const dir = path.join(input.teamDir, SNAPSHOT_DIR)
    const file = snapshotFileName(id, input.dataKey !== null)
    const sha256 = createHash('sha256').update(data).digest('hex')
    try {
      input.io.mkdirp(dir)
      if (!writeOnce(input.io, dir, file, data)) throw new SyncFolderError('name-taken', path.join(dir, file))
      const back = input.io.readFile(path.join(dir, file))
      if (createHash('sha256').update(back).digest('hex') !== sha256) throw new SyncFolderError('verify-failed', path.join(dir, file))
    } catch (err) {
      throw classifyFsError(err, path.join(dir, file))
    }
    const manifest: SnapshotManifest = {
      magic: 'smo-desk-snapshot',
      fmt: SNAPSHOT_FORMAT,
      id,
      team: teamId,
      createdBy: device,
      createdAt: new Date(input.now).toISOString(),
      wall: input.now,
      schema,
      covered,
      file,
      size: data.length,
      sha256,
      enc: input.dataKey ? { alg: 'A256GCM', keyId: input.dataKey.keyId } : null
    }
    if (input.signer) manifest.sign = { key: input.signer.keyId, sig: input.signer.sign(snapshotSignedText(manifest)) }
    writeOnce(input.io, dir, `${id}.json`, Buffer.from(JSON.stringify(manifest)))
    return manifest
  } finally {
    rmSync(temp, { force: true })
  }
}
