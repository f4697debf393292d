import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/backend/openWorkspace'
import { WorkspaceError } from '../../src/main/backend/workspaceError'
import { latestVersion } from '../../src/main/backend/db/migrations/index'
import { tempDir } from './helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})
function dir() {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

async function refusal(p: Promise<unknown>): Promise<WorkspaceError> {
  try {
    await p
  } catch (e) {
    if (e instanceof WorkspaceError) return e
    throw e
  }
  throw new Error('expected a WorkspaceError')
}

describe('opening a workspace', () => {
  it('creates a new workspace at the latest schema with a device id', async () => {
    const d = join(dir(), 'ws')
    const ws = await openWorkspace(d, { create: true })
    expect(ws.schemaVersion).toBe(latestVersion)
    expect(ws.deviceId).toMatch(/^[0-9a-f]{16}$/)
    ws.close()
    const again = await openWorkspace(d)
    expect(again.deviceId).toBe(ws.deviceId)
    again.close()
  })

  it('refuses a missing workspace unless asked to create it', async () => {
    const e = await refusal(openWorkspace(join(dir(), 'nope')))
    expect(e.reason).toBe('missing')
    expect(e.message).toMatch(/smo demo --workspace/)
  })

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const d = dir()
    const f = join(d, 'workspace.sqlite')
    writeFileSync(f, 'name,email\nAda,ada@example.com\n')
    const before = hash(f)
    const e = await refusal(openWorkspace(d))
    expect(e.reason).toBe('not_sqlite')
    expect(e.message).toContain(f)
    expect(hash(f)).toBe(before)
    expect(readdirSync(d).sort()).toEqual(['workspace.sqlite'])
  })

  it('refuses a corrupt database and leaves it untouched', async () => {
    const d = dir()
    const f = join(d, 'workspace.sqlite')
    const ws = await openWorkspace(d, { create: true })
    ws.close()
    const bytes = readFileSync(f)
    // Keep the header, destroy the schema page.
    bytes.fill(0xab, 100, 4096)
    writeFileSync(f, bytes)
    const before = hash(f)
    const e = await refusal(openWorkspace(d))
    expect(['corrupt', 'not_sqlite']).toContain(e.reason)
    expect(e.message).toContain(f)
    expect(hash(f)).toBe(before)
  })

  it('refuses a database from a newer schema without modifying it', async () => {
    const d = dir()
    const f = join(d, 'workspace.sqlite')
    const raw = new Database(f)
    raw.exec('CREATE TABLE future (x TEXT)')
    raw.pragma('user_version = 99')
    raw.close()
    const before = hash(f)
    const e = await refusal(openWorkspace(d))
    expect(e.reason).toBe('newer_schema')
    expect(e.message).toMatch(/newer SMO Desk \(schema 99/)
    expect(hash(f)).toBe(before)
    expect(existsSync(join(d, 'workspace.sqlite-wal'))).toBe(false)
  })

  it('tells a second instance the workspace is in use, and takes over a stale lock', async () => {
    const d = join(dir(), 'ws')
    const first = await openWorkspace(d, { create: true, lock: 'desktop app' })
    const e = await refusal(openWorkspace(d, { lock: 'browser host' }))
    expect(e.reason).toBe('in_use')
    expect(e.message).toMatch(/in use by another SMO Desk \(desktop app, process \d+/)
    first.close()
    // A lock left by a process that has died is taken over.
    mkdirSync(d, { recursive: true })
    writeFileSync(join(d, 'workspace.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'x', what: 'crashed' }))
    const second = await openWorkspace(d, { lock: 'browser host' })
    second.close()
  })
})
