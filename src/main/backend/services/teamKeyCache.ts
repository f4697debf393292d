/**
 * Where this computer keeps a team's unwrapped data key (SYNC.md §2.11): the host's secret store
 * (OS keychain, or a file only this user may read), named for this workspace folder and team. Never
 * the workspace database: that file is copied into backups and may be sent to someone.
 *
 * Versions before this one kept the key in `local_state` ('sync_key'). The first load moves it to
 * the secret store and scrubs it from the database file, free pages and WAL included, since a
 * backup copies those bytes too.
 */
import path from 'node:path'
import { z } from 'zod'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { DataKey } from '../sync/blockCipher'

const LEGACY_KEY = 'sync_key'
const savedSchema = z.object({ keyId: z.string().min(1), key: z.string() })

const nameOf = (b: Backend, teamId: string): string => `team-data-key:${teamId}:${path.resolve(b.ws.paths.dir)}`

const encode = (dk: DataKey): string => JSON.stringify({ keyId: dk.keyId, key: dk.key.toString('base64') })

/** null for anything that is not a whole 256-bit key: the person is asked for the passphrase again. */
function decode(text: string): DataKey | null {
  let value: unknown = null
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = savedSchema.safeParse(value)
  if (!parsed.success) return null
  const key = Buffer.from(parsed.data.key, 'base64')
  return key.length === 32 ? { keyId: parsed.data.keyId, key } : null
}

/**
 * Deletes the legacy row with secure_delete on (its cell is zeroed, not just unlinked), then
 * VACUUMs (older copies left in free space by earlier updates of the row are dropped) and empties
 * the WAL (which still holds page images with the key). One-time, on a workspace that had the key.
 */
function scrubLegacy(b: Backend): void {
  const raw = b.db.raw
  const was = Number(raw.pragma('secure_delete', { simple: true }))
  raw.pragma('secure_delete = ON')
  try {
    b.db.run(sql`DELETE FROM local_state WHERE key = ${LEGACY_KEY}`)
  } finally {
    raw.pragma(`secure_delete = ${was === 2 ? 'FAST' : was === 1 ? 'ON' : 'OFF'}`)
  }
  try {
    raw.exec('VACUUM')
    raw.pragma('wal_checkpoint(TRUNCATE)')
  } catch (e) {
    // The row is gone either way; sync must not stop because the file could not be compacted now.
    console.error(`[smo] sync: the team key was moved out of the workspace database, but compacting the file failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}

export const teamKeyCache = {
  /** The saved key of this workspace's team, or null when this computer has none (ask for the passphrase). */
  load(b: Backend, teamId: string | null): DataKey | null {
    const legacy = b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = ${LEGACY_KEY}`)?.value
    if (legacy !== undefined) {
      // A read-only open (smo check) may not write the database; the move waits for a writer.
      if (b.db.raw.readonly) return teamId ? decode(legacy) : null
      // Saved before the row is deleted, so a crash in between leaves two copies, never none. A key
      // already in the store wins: a restored old backup may carry an older key generation.
      if (teamId && decode(legacy) && b.secrets.get(nameOf(b, teamId)) === null) b.secrets.set(nameOf(b, teamId), legacy)
      scrubLegacy(b)
    }
    if (!teamId) return null
    const saved = b.secrets.get(nameOf(b, teamId))
    return saved === null ? null : decode(saved)
  },

  save(b: Backend, teamId: string, dk: DataKey): void {
    b.secrets.set(nameOf(b, teamId), encode(dk))
  }
}
