import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkWorkspacePath } from '../../../src/main/backend/checkWorkspacePath'
import { latestVersion } from '../../../src/main/backend/db/migrations/index'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { tempDir } from '../helpers/tempWorkspace'

let t: { dir: string; cleanup: () => void }
let ws: string
beforeAll(async () => {
  t = tempDir('smo-wspath-')
  ws = join(t.dir, 'ws')
  ;(await openWorkspace(ws, { create: true })).close()
})
afterAll(() => {
  chmodSync(t.dir, 0o755)
  t.cleanup()
})

const reasonOf = (v: ReturnType<typeof checkWorkspacePath>) => (v.ok ? 'ok' : v.reason)

describe('checkWorkspacePath (refuse with one sentence before anything is touched)', () => {
  it('accepts a workspace folder, and its workspace.sqlite as meaning the folder', () => {
    expect(checkWorkspacePath(ws, { intent: 'open' })).toEqual({ ok: true, dir: ws })
    expect(checkWorkspacePath(join(ws, 'workspace.sqlite'), { intent: 'open' })).toEqual({ ok: true, dir: ws })
  })

  it('a path that does not exist, a file, a folder without a workspace', () => {
    const missing = checkWorkspacePath(join(t.dir, 'gone'), { intent: 'open' })
    expect(reasonOf(missing)).toBe('missing')
    expect(missing.ok ? '' : missing.message).toMatch(/There is no folder at .*gone\. .*Open workspace/)
    const file = join(t.dir, 'notes.txt')
    writeFileSync(file, 'x')
    expect(reasonOf(checkWorkspacePath(file, { intent: 'open' }))).toBe('is_file')
    mkdirSync(join(t.dir, 'empty'))
    expect(reasonOf(checkWorkspacePath(join(t.dir, 'empty'), { intent: 'open' }))).toBe('no_workspace')
    expect(checkWorkspacePath(join(t.dir, 'empty'), { intent: 'create' }).ok).toBe(true)
    expect(reasonOf(checkWorkspacePath(ws, { intent: 'create' }))).toBe('exists')
  })

  it('a full disk', () => {
    const v = checkWorkspacePath(ws, { intent: 'open', freeBytes: () => 3 * 1024 * 1024 })
    expect(reasonOf(v)).toBe('disk_full')
    expect(v.ok ? '' : v.message).toContain('only 3 MB free')
  })

  it('a workspace from a newer app version, left byte for byte as it was', () => {
    const newer = join(t.dir, 'newer')
    mkdirSync(newer)
    const db = new Database(join(newer, 'workspace.sqlite'))
    db.pragma(`user_version = ${latestVersion + 1}`)
    db.close()
    const before = readFileSync(join(newer, 'workspace.sqlite'))
    const v = checkWorkspacePath(newer, { intent: 'open' })
    expect(reasonOf(v)).toBe('newer_version')
    expect(v.ok ? '' : v.message).toMatch(/newer SMO Desk .*Update SMO Desk/)
    expect(readFileSync(join(newer, 'workspace.sqlite')).equals(before)).toBe(true)
  })

  it('a workspace locked by another running instance', () => {
    const lock = join(ws, 'workspace.lock')
    // The parent of this test process is alive and is not us: a live holder on this host.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-05T09:00:00Z', what: 'desktop app' }))
    const v = checkWorkspacePath(ws, { intent: 'open' })
    expect(reasonOf(v)).toBe('in_use')
    expect(v.ok ? '' : v.message).toContain('open in another SMO Desk (desktop app')
    // A lock left by a process that has ended is not a reason to refuse.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-12-05T09:00:00Z', what: 'desktop app' }))
    expect(checkWorkspacePath(ws, { intent: 'open' }).ok).toBe(true)
  })

  it.skipIf(process.getuid?.() === 0)('a read-only folder', () => {
    const ro = join(t.dir, 'ro')
    mkdirSync(ro)
    chmodSync(ro, 0o555)
    expect(reasonOf(checkWorkspacePath(join(ro, 'new'), { intent: 'create' }))).toBe('read_only')
    chmodSync(ro, 0o755)
  })
})
