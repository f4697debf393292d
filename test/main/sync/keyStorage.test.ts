/**
 * Where an encrypted team's data key lives (SYNC.md §2.11): in this computer's secret store, never
 * in the workspace database, which backups copy and people send around. Real workspaces, a real
 * temp team folder and the file secret store: after create/join no byte of the key is in the
 * workspace folder (database, WAL, backups) or in an export; a database from an older version that
 * kept the key is cleaned on first use; and sync keeps working across restarts.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupEntry } from '../../../src/core/api/methods/transferMethods'
import { kindNames } from '../../../src/core/domain/recordKinds'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { sql } from '../../../src/main/backend/db/sql'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncFolderOf, syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { confSettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets, SECRETS_FILE } from '../../../src/main/backend/settings/fileSecrets'
import { tempDir } from '../helpers/tempWorkspace'

process.env.SMO_SYNC_SCRYPT_N = '1024'
const PASS = 'correct horse'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

/** A workspace on a "computer" whose per-machine settings and secrets live in `machine`. */
async function open(root: string, name: string, machine = `${name}-machine`): Promise<Backend> {
  const ws = await openWorkspace(join(root, name), { create: true, lock: 'test' })
  const dir = join(root, machine)
  const b = createBackend(ws, confSettings(dir), fileSecrets(dir))
  cleanups.push(() => b.close())
  return b
}

function setup(): { root: string; folder: string } {
  const t = tempDir('smo-sync-keys-')
  cleanups.push(t.cleanup)
  const folder = join(t.dir, 'Dropbox')
  mkdirSync(folder)
  return { root: t.dir, folder }
}

/** The saved team keys of one computer, decoded, by secret name. */
function savedKeys(root: string, machine: string): Map<string, Buffer> {
  const doc = JSON.parse(readFileSync(join(root, machine, SECRETS_FILE), 'utf8')) as { secrets: Record<string, string> }
  return new Map(Object.entries(doc.secrets).map(([name, v]) => [name, Buffer.from((JSON.parse(v) as { key: string }).key, 'base64')]))
}

function onlyKey(root: string, machine: string): Buffer {
  const keys = [...savedKeys(root, machine).values()]
  expect(keys).toHaveLength(1)
  return keys[0] ?? Buffer.alloc(0)
}

/** Every file under `dir` (database, -wal, -shm, backups) that holds the key raw, as base64 or as hex. */
function filesWithKey(dir: string, key: Buffer): string[] {
  const needles = [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex'))]
  const hits: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (statSync(p).size > 0 && needles.some((n) => readFileSync(p).includes(n))) hits.push(p)
    }
  }
  walk(dir)
  return hits
}

const textHasKey = (text: string, key: Buffer): boolean => text.includes(key.toString('base64')) || text.includes(key.toString('hex'))

async function ok<T>(p: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error?.message)
  return r.data as T
}

const localKeys = (b: Backend): string[] => b.db.all<{ key: string }>(sql`SELECT key FROM local_state ORDER BY key`).map((r) => r.key)

async function encryptedPair(root: string, folder: string): Promise<{ a: Backend; b: Backend; id: string }> {
  const a = await open(root, 'a')
  const c = recordService.create(a, 'channel', { name: 'Company blog', platform: 'blog' }) as { id: string }
  syncSetup(a, { mode: 'create', folder, passphrase: PASS })
  const b = await open(root, 'b')
  syncSetup(b, { mode: 'join', folder, passphrase: PASS })
  return { a, b, id: c.id }
}

const notes = (b: Backend, id: string): string => (recordService.get(b, 'channel', id) as { notes: string }).notes

describe('team data key storage', () => {
  it('after an encrypted create and join, no copy of the key is in the workspace folder, a backup or an export', async () => {
    const { root, folder } = setup()
    const { a, b, id } = await encryptedPair(root, folder)
    recordService.update(b, 'channel', { id, notes: 'from b' })
    syncNow(b)
    syncNow(a)
    expect(notes(a, id)).toBe('from b')
    const key = onlyKey(root, 'a-machine')
    expect(key).toHaveLength(32)
    expect(onlyKey(root, 'b-machine').equals(key)).toBe(true)
    for (const w of [a, b]) {
      expect(localKeys(w)).not.toContain('sync_key')
      const backup = await ok<BackupEntry>(dispatch(w, 'backup-create', {}))
      expect(backup.path.startsWith(w.ws.paths.dir)).toBe(true)
      // While open (the WAL holds the recent pages) and after closing (checkpointed into the file).
      expect(filesWithKey(w.ws.paths.dir, key)).toEqual([])
      const json = await ok<{ json: string }>(dispatch(w, 'export-json', {}))
      expect(textHasKey(json.json, key)).toBe(false)
      for (const kind of kindNames) {
        const csv = await ok<{ csv: string }>(dispatch(w, 'export-csv', { kind }))
        expect(textHasKey(csv.csv, key)).toBe(false)
      }
    }
    a.close()
    b.close()
    expect(filesWithKey(join(root, 'a'), key)).toEqual([])
    expect(filesWithKey(join(root, 'b'), key)).toEqual([])
  })

  it('sync keeps working across a restart; a copy of the workspace on another computer has no key', async () => {
    const { root, folder } = setup()
    const { a, b, id } = await encryptedPair(root, folder)
    a.close()
    b.close()
    const a2 = await open(root, 'a')
    const b2 = await open(root, 'b')
    recordService.update(b2, 'channel', { id, notes: 'after restart' })
    expect(syncNow(b2).problems).toEqual([])
    const r = syncNow(a2)
    expect(r.problems).toEqual([])
    expect(r.received).toBeGreaterThan(0)
    expect(notes(a2, id)).toBe('after restart')
    const teamDir = syncFolderOf(a2) ?? ''
    a2.close()

    // The database sent to someone (or restored on a new computer) carries the data, not the key.
    cpSync(join(root, 'a'), join(root, 'copy'), { recursive: true })
    const copy = await open(root, 'copy', 'other-machine')
    copy.settings.update({ syncFolders: { [copy.ws.paths.dir]: teamDir } })
    const before = notes(copy, id)
    recordService.update(b2, 'channel', { id, notes: 'not for the copy' })
    syncNow(b2)
    const locked = syncNow(copy)
    expect(locked.problems.map((p) => p.code)).toEqual(['wrong-passphrase'])
    expect(locked.received).toBe(0)
    expect(notes(copy, id)).toBe(before)
  })

  it('moves a key an older version kept in the database into the secret store and scrubs the file', async () => {
    const { root, folder } = setup()
    const { a, b, id } = await encryptedPair(root, folder)
    const key = onlyKey(root, 'a-machine')
    const [name = '', saved = ''] = [...Object.entries((JSON.parse(readFileSync(join(root, 'a-machine', SECRETS_FILE), 'utf8')) as { secrets: Record<string, string> }).secrets)][0] ?? []
    a.close()
    // What an older version left: the key in local_state (written at create and at each unlock), not in the store.
    fileSecrets(join(root, 'a-machine')).delete(name)
    const old = new Database(join(root, 'a', 'workspace.sqlite'))
    const put = old.prepare(`INSERT INTO local_state (key, value) VALUES ('sync_key', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
    for (let i = 0; i < 3; i++) put.run(saved)
    old.close()
    expect(filesWithKey(join(root, 'a'), key).length).toBeGreaterThan(0)

    const a2 = await open(root, 'a')
    recordService.update(b, 'channel', { id, notes: 'after the move' })
    syncNow(b)
    const r = syncNow(a2)
    expect(r.problems).toEqual([])
    expect(notes(a2, id)).toBe('after the move')
    expect(localKeys(a2)).not.toContain('sync_key')
    expect(savedKeys(root, 'a-machine').get(name)?.equals(key)).toBe(true)
    await ok(dispatch(a2, 'backup-create', {}))
    expect(filesWithKey(join(root, 'a'), key)).toEqual([])
    a2.close()
    expect(filesWithKey(join(root, 'a'), key)).toEqual([])
  })

  it('two workspaces of one computer in the same team keep separate entries', async () => {
    const { root, folder } = setup()
    const a = await open(root, 'a', 'shared')
    syncSetup(a, { mode: 'create', folder, passphrase: PASS })
    const b = await open(root, 'b', 'shared')
    syncSetup(b, { mode: 'join', folder, passphrase: PASS })
    const names = [...savedKeys(root, 'shared').keys()]
    expect(names).toHaveLength(2)
    expect(names.find((n) => n.endsWith(a.ws.paths.dir))).toBeDefined()
    expect(names.find((n) => n.endsWith(b.ws.paths.dir))).toBeDefined()
    // Forgetting one workspace's key locks that workspace only.
    b.secrets.delete(names.find((n) => n.endsWith(b.ws.paths.dir)) ?? '')
    expect(syncNow(a).problems).toEqual([])
    expect(syncNow(b).problems.map((p) => p.code)).toEqual(['wrong-passphrase'])
  })
})
