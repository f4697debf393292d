import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { BackupEntry } from '../../../src/core/api/methods/transferMethods'
import { createBackend } from '../../../src/main/backend/backend'
import { dailyBackup } from '../../../src/main/backend/backup/dailyBackup'
import { listBackups } from '../../../src/main/backend/backup/listBackups'
import { pruneBackups } from '../../../src/main/backend/backup/pruneBackups'
import { restoreWorkspace } from '../../../src/main/backend/backup/restoreWorkspace'
import { dispatch } from '../../../src/main/backend/dispatch'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { liveRecords } from '../../../src/main/backend/services/transferExport'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

async function ok<T>(r: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const x = await r
  if (!x.ok) throw new Error(x.error?.message)
  return x.data as T
}

describe('backups', () => {
  it('backs up, then restores the copy over later changes and keeps the replaced database', async () => {
    const t = await tempBackend()
    const { b, dir } = t
    try {
      await ok(dispatch(b, 'member-create', { name: 'Ana', role: 'Lead' }))
      const backup = await ok<BackupEntry>(dispatch(b, 'backup-create', {}))
      expect(backup.reason).toBe('manual')
      await ok(dispatch(b, 'member-create', { name: 'Bo', role: 'Writer' }))
      const list = await ok<{ items: BackupEntry[] }>(dispatch(b, 'backup-list', {}))
      expect(list.items.map((i) => i.name)).toContain(backup.name)
      // The app holds the lock: restore refuses.
      await expect(restoreWorkspace(dir, backup.path)).rejects.toThrow(/in use/)
      b.close()
      const r = await restoreWorkspace(dir, backup.path)
      expect(r.keptCopy?.reason).toBe('before-restore')
      const ws = await openWorkspace(dir, { lock: 'test' })
      const again = createBackend(ws, memorySettings(), fileSecrets(join(dir, '..', 'userdata')))
      expect(liveRecords(again, 'member').map((m) => m.name)).toEqual(['Ana'])
      again.close()
      // The replaced database (with Bo) is kept and is itself restorable.
      const kept = new Database(r.keptCopy?.path ?? '', { readonly: true })
      expect(kept.prepare('SELECT count(*) AS n FROM member').get()).toEqual({ n: 2 })
      kept.close()
    } finally {
      t.cleanup()
    }
  })

  it('refuses a file that is not a database, a foreign SQLite file and a newer schema, changing nothing', async () => {
    const t = await tempBackend()
    const tmp = tempDir()
    try {
      t.b.close()
      const text = join(tmp.dir, 'notes.sqlite')
      writeFileSync(text, 'hello, this is not a database at all')
      await expect(restoreWorkspace(t.dir, text)).rejects.toThrow(/not an SQLite database/)
      const foreign = join(tmp.dir, 'foreign.sqlite')
      const f = new Database(foreign)
      f.exec('CREATE TABLE x (a)')
      f.pragma('user_version = 3')
      f.close()
      await expect(restoreWorkspace(t.dir, foreign)).rejects.toThrow(/not an SMO Desk workspace/)
      const newer = join(tmp.dir, 'newer.sqlite')
      copyFileSync(join(t.dir, 'workspace.sqlite'), newer)
      const n = new Database(newer)
      n.pragma('user_version = 999')
      n.close()
      await expect(restoreWorkspace(t.dir, newer)).rejects.toThrow(/newer SMO Desk \(schema 999/)
      expect(readdirSync(join(t.dir, 'backups')).filter((x) => x.includes('before-restore'))).toEqual([])
    } finally {
      t.cleanup()
      tmp.cleanup()
    }
  })

  it('makes one daily backup per day and prunes to the newest 7 plus one per month for 6 months', async () => {
    let now = Date.parse('2026-05-20T08:00:00Z')
    const t = await tempBackend(() => now)
    try {
      expect(await dailyBackup(t.b)).not.toBeNull()
      expect(await dailyBackup(t.b)).toBeNull()
      now += 86_400_000
      expect(await dailyBackup(t.b)).not.toBeNull()
      expect(listBackups(t.b.ws.paths.backups).filter((e) => e.reason === 'daily')).toHaveLength(2)
      expect(readdirSync(t.b.ws.paths.backups).filter((x) => x.endsWith('.partial'))).toEqual([])
    } finally {
      t.cleanup()
    }
    const day = (iso: string): BackupEntry => ({ name: `workspace-daily-${iso}.sqlite`, path: '', size: 1, createdAt: `${iso}T03:00:00.000Z`, reason: 'daily' })
    const entries = [
      ...Array.from({ length: 20 }, (_, i) => day(`2026-05-${String(20 - i).padStart(2, '0')}`)),
      day('2026-04-15'), day('2026-04-02'), day('2026-01-10'), day('2025-12-31'), day('2025-11-30'),
      { ...day('2025-01-01'), reason: 'manual' as const }
    ]
    const gone = new Set(pruneBackups(entries, Date.parse('2026-05-20T12:00:00Z')).map((e) => e.createdAt.slice(0, 10)))
    const kept = entries.filter((e) => !gone.has(e.createdAt.slice(0, 10))).map((e) => e.createdAt.slice(0, 10))
    // Newest 7 of May, then the newest of April, January and December (within 6 months); November is too old.
    expect(kept).toEqual(['2026-05-20', '2026-05-19', '2026-05-18', '2026-05-17', '2026-05-16', '2026-05-15', '2026-05-14', '2026-04-15', '2026-01-10', '2025-12-31', '2025-01-01'])
  })
})

describe('JSON export of everything', () => {
  it('loads into an empty workspace with the same records, and refuses a workspace that has some', async () => {
    const { writeDemo } = await import('../../../src/main/backend/demo/writeDemo')
    const { exportJson, importJson } = await import('../../../src/main/backend/services/transferJson')
    const { kindNames } = await import('../../../src/core/domain/recordKinds')
    const a = await tempBackend()
    const c = await tempBackend()
    try {
      writeDemo(a.b)
      const { json } = exportJson(a.b)
      const r = importJson(c.b, json, 'all.json')
      expect(r.created.channel).toBe(liveRecords(a.b, 'channel').length)
      for (const k of kindNames) {
        const strip = (rs: Record<string, unknown>[]) => rs.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest)
        expect(strip(liveRecords(c.b, k)), k).toEqual(strip(liveRecords(a.b, k)))
      }
      expect(() => importJson(c.b, json, 'all.json')).toThrow(/already holds/)
      expect(() => importJson(c.b, '{"format":"other"}', 'x.json')).toThrow(/Not an SMO Desk JSON export/)
    } finally {
      a.cleanup()
      c.cleanup()
    }
  })
})
