/**
 * Bootstraps a workspace that has never synced from the newest usable snapshot in the team folder
 * (SYNC.md §2.9): verify the manifest's size and SHA-256, decrypt (the AAD binds the snapshot id),
 * inflate, migrate an older schema forward, then copy its replicated tables into the workspace in one
 * transaction. The pull that follows skips every file the snapshot covers and replays the tail.
 *
 * A snapshot that cannot be used (newer format or schema, no key, damaged, still downloading) is
 * skipped with a reason and the next older one is tried; with none left the caller replays the
 * whole log, which gives the same state (I8), only slower. Nothing is written unless a copy succeeds.
 */
import { createHash, randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { migrations } from '../db/migrations/index'
import { decryptBlocks } from './blockCipher'
import type { DataKey } from './blockCipher'
import { SNAPSHOT_SYNC_TABLES } from './createSnapshot'
import type { FolderIo } from './folderIo'
import { listSnapshots, SNAPSHOT_DIR, SNAPSHOT_FORMAT } from './snapshotManifest'
import type { SnapshotManifest } from './snapshotManifest'

export type LoadSnapshotInput = {
  db: Database.Database
  recordTables: readonly string[]
  teamDir: string
  teamId: string
  keys: readonly DataKey[]
  io: FolderIo
  /** This app's workspace schema version. */
  schema: number
  /** False (or the reason, as a sentence) for a snapshot that must not be used (see snapshotUsable, snapshotTrust). */
  accept?: (m: SnapshotManifest) => boolean | string
}

export type LoadSnapshotResult = { loaded: SnapshotManifest | null; skipped: { id: string; reason: string }[] }

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

function columns(db: Database.Database, schemaName: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schemaName) as { name: string }[]).map((r) => r.name)
}

/** The snapshot file's plain SQLite bytes, or the reason it cannot be used. */
function openFile(input: LoadSnapshotInput, m: SnapshotManifest): Buffer | string {
  const verdict = input.accept ? input.accept(m) : true
  if (verdict !== true) return typeof verdict === 'string' ? verdict : 'older shared files it does not cover were already cleaned up'
  if (m.fmt > SNAPSHOT_FORMAT) return 'made by a newer version of SMO Desk'
  if (m.schema > input.schema) return 'made by a newer version of SMO Desk'
  const key = m.enc ? input.keys.find((k) => k.keyId === m.enc?.keyId) : null
  if (m.enc && !key) return 'locked with a team key this device does not have'
  let data: Buffer
  try {
    data = input.io.readFile(path.join(input.teamDir, SNAPSHOT_DIR, m.file))
  } catch {
    return 'not available on this computer yet'
  }
  if (data.length !== m.size || createHash('sha256').update(data).digest('hex') !== m.sha256) return 'incomplete or damaged (hash does not match)'
  let gz = data
  if (key) {
    const plain = decryptBlocks(data, key, { team: m.team, dev: m.id, first: 0, last: 0 })
    if (!plain.complete || plain.damage !== null) return 'could not be decrypted'
    gz = plain.plain
  }
  try {
    return gunzipSync(gz)
  } catch {
    return 'could not be decompressed'
  }
}

/**
 * Tries the usable snapshots newest first: each is verified, written to a temp database next to the
 * workspace, migrated to this app's schema, and handed to `use`; the first `use` that returns true
 * wins. Every temp file is removed whatever happens.
 */
export function withSnapshot(input: LoadSnapshotInput, use: (m: SnapshotManifest, file: string) => boolean): LoadSnapshotResult {
  const skipped: LoadSnapshotResult['skipped'] = []
  for (const m of listSnapshots(input.io, input.teamDir, input.teamId)) {
    const bytes = openFile(input, m)
    if (typeof bytes === 'string') {
      skipped.push({ id: m.id, reason: bytes })
      continue
    }
    const temp = path.join(path.dirname(input.db.name), `.load-${m.id}-${randomBytes(4).toString('hex')}.sqlite`)
    try {
      writeFileSync(temp, bytes)
      const snap = new Database(temp)
      try {
        const version = Number(snap.pragma('user_version', { simple: true }))
        if (version !== m.schema) {
          skipped.push({ id: m.id, reason: 'its database does not match its manifest' })
          continue
        }
        // An older snapshot is brought to this app's schema by the same migrations as a workspace.
        for (const mig of migrations.filter((x) => x.version > version).sort((a, b) => a.version - b.version)) {
          snap.transaction(() => mig.up(snap))()
          snap.pragma(`user_version = ${mig.version}`)
        }
      } catch (err) {
        skipped.push({ id: m.id, reason: `its database could not be opened (${err instanceof Error ? err.message : String(err)})` })
        continue
      } finally {
        snap.close()
      }
      if (use(m, temp)) return { loaded: m, skipped }
    } finally {
      rmSync(temp, { force: true })
    }
  }
  return { loaded: null, skipped }
}

/** Fills a workspace that never synced: the snapshot's replicated tables copied as they are. */
export function loadSnapshot(input: LoadSnapshotInput): LoadSnapshotResult {
  return withSnapshot(input, (_m, temp) => {
    input.db.prepare('ATTACH DATABASE ? AS snap').run(temp)
    try {
      input.db.transaction(() => {
        for (const t of [...input.recordTables, ...SNAPSHOT_SYNC_TABLES]) {
          const theirs = new Set(columns(input.db, 'snap', t))
          const cols = columns(input.db, 'main', t).filter((c) => theirs.has(c))
          if (cols.length === 0) continue
          const list = cols.map(quote).join(', ')
          input.db.prepare(`INSERT INTO main.${quote(t)} (${list}) SELECT ${list} FROM snap.${quote(t)}`).run()
        }
      })()
    } finally {
      input.db.prepare('DETACH DATABASE snap').run()
    }
    return true
  })
}
