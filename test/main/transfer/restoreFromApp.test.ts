import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { tempBackend } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

async function demo(): Promise<Backend> {
  const t = await tempBackend()
  cleanups.push(t.cleanup)
  writeDemo(t.b)
  return t.b
}

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.data as T
}

const count = (b: Backend, table: string) => (b.db.raw.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number) ?? 0
type Summary = { source: string; name: string; madeAt: string; schemaVersion: number; madeBy: string; counts: { kind: string; label: string; count: number }[] }

describe('restore and load from the app (restore-inspect, restore-apply)', () => {
  it('shows what a backup holds, restores it after a safety backup, and restoring the safety backup undoes it', async () => {
    const b = await demo()
    const backup = await call<{ name: string }>(b, 'backup-create', {})
    const channels = count(b, 'channel')
    const items = count(b, 'content_item')
    // Work done after the backup: a channel deleted.
    const first = b.db.raw.prepare('SELECT id FROM channel WHERE deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get() as string
    await call(b, 'channel-delete', { id: first })
    expect(count(b, 'channel')).toBe(channels - 1)

    const seen = await call<Summary>(b, 'restore-inspect', { backup: backup.name })
    expect(seen).toMatchObject({ source: 'backup', name: backup.name, schemaVersion: latestVersion, madeBy: 'this version of SMO Desk' })
    expect(seen.counts.find((c) => c.kind === 'channel')?.count).toBe(channels)
    expect(seen.counts.find((c) => c.kind === 'content')?.count).toBe(items)

    const events: string[] = []
    b.events.on((e) => events.push(e))
    const done = await call<{ safetyBackup: { name: string; reason: string } }>(b, 'restore-apply', { backup: backup.name })
    expect(done.safetyBackup.reason).toBe('before-restore')
    expect(count(b, 'channel')).toBe(channels)
    expect(events).toContain('data-changed')
    // The same connection keeps working: a new change after the restore is written normally.
    await call(b, 'channel-delete', { id: first })
    expect(count(b, 'channel')).toBe(channels - 1)
    await call(b, 'restore-apply', { backup: backup.name })

    // Undo restore: the safety backup, restored the same way.
    await call(b, 'restore-apply', { backup: done.safetyBackup.name })
    expect(count(b, 'channel')).toBe(channels - 1)
    expect(b.db.raw.pragma('foreign_key_check')).toEqual([])
  })

  it('refuses a backup from a newer SMO Desk with a sentence, and changes nothing', async () => {
    const b = await demo()
    const backup = await call<{ name: string; path: string }>(b, 'backup-create', {})
    const newer = join(b.ws.paths.backups, 'workspace-manual-2099-01-01T00-00-00-000Z.sqlite')
    copyFileSync(backup.path, newer)
    const db = new Database(newer)
    db.pragma(`user_version = ${latestVersion + 1}`)
    db.close()
    const before = count(b, 'channel')
    const r = await dispatch(b, 'restore-apply', { backup: 'workspace-manual-2099-01-01T00-00-00-000Z.sqlite' })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.message).toBe(
        `workspace-manual-2099-01-01T00-00-00-000Z.sqlite was written by a newer SMO Desk (schema ${latestVersion + 1}; this one reads up to ${latestVersion}). Update SMO Desk to load it; nothing was changed.`
      )
    expect(count(b, 'channel')).toBe(before)
    expect(readdirSync(b.ws.paths.backups).filter((f) => f.includes('before-restore'))).toEqual([])
    // Only files in the backups list can be named.
    const outside = await dispatch(b, 'restore-inspect', { backup: '../workspace.sqlite' })
    expect(outside.ok).toBe(false)
  })

  it('loads a JSON export over the workspace; a broken export or a newer one leaves the data as it was', async () => {
    const b = await demo()
    const exported = await call<{ fileName: string; json: string }>(b, 'export-json', {})
    const channels = count(b, 'channel')
    const first = b.db.raw.prepare('SELECT id FROM channel WHERE deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get() as string
    await call(b, 'channel-delete', { id: first })

    const seen = await call<Summary>(b, 'restore-inspect', { json: exported.json, fileName: exported.fileName })
    expect(seen.source).toBe('json')
    expect(seen.counts.find((c) => c.kind === 'channel')?.count).toBe(channels)

    // A record that points at a channel not in the file: nothing loaded, nothing changed.
    const doc = JSON.parse(exported.json) as { records: Record<string, Record<string, unknown>[]>; schemaVersion: number }
    const broken = structuredClone(doc)
    const item = broken.records.content?.[0]
    if (item) item.channelId = '01ARZ3NDEKTSV4RRFFQ69G5FAV'
    const bad = await dispatch(b, 'restore-apply', { json: JSON.stringify(broken), fileName: 'broken.json' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toMatch(/^Nothing was loaded from broken.json: /)
    expect(count(b, 'channel')).toBe(channels - 1)
    const newer = await dispatch(b, 'restore-inspect', { json: JSON.stringify({ ...doc, schemaVersion: latestVersion + 5 }), fileName: 'new.json' })
    expect(newer.ok).toBe(false)
    if (!newer.ok) expect(newer.error.message).toContain('was written by a newer SMO Desk')

    await call(b, 'restore-apply', { json: exported.json, fileName: exported.fileName })
    expect(count(b, 'channel')).toBe(channels)
    expect(b.db.raw.pragma('foreign_key_check')).toEqual([])
  })
})
