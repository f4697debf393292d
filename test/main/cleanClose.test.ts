import { closeSync, existsSync, openSync, readFileSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/backend/openWorkspace'
import { WorkspaceError } from '../../src/main/backend/workspaceError'
import { tempDir } from './helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** A workspace with enough rows to span many pages, closed cleanly; returns its folder and file. */
async function closedWorkspace(): Promise<{ dir: string; db: string }> {
  const t = tempDir('smo-clean-close-')
  cleanups.push(t.cleanup)
  const dir = join(t.dir, 'ws')
  const ws = await openWorkspace(dir, { create: true })
  // Rows in a table the open itself never reads, so damage among them is found only by the check.
  ws.db.raw.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT')
  const insert = ws.db.raw.prepare(`INSERT INTO filler (id, text) VALUES (?, ?)`)
  ws.db.raw.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, 'x'.repeat(200))
  })()
  ws.close()
  return { dir, db: join(dir, 'workspace.sqlite') }
}

/** Junk over the middle pages, same size: what a bad disk or a torn copy leaves. */
function damageMiddle(file: string): void {
  const size = statSync(file).size
  const page = 4096
  const from = Math.floor(size / page / 2)
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(page * 3, 0xab), 0, page * 3, from * page)
  } finally {
    closeSync(fd)
  }
}

async function opens(dir: string): Promise<'opened' | WorkspaceError> {
  try {
    ;(await openWorkspace(dir)).close()
    return 'opened'
  } catch (e) {
    if (e instanceof WorkspaceError) return e
    throw e
  }
}

/** Move the file's time past the close's tick of the file system clock, as any later write would. */
const later = (file: string) => {
  const s = statSync(file)
  utimesSync(file, s.atime, new Date(s.mtimeMs + 5000))
}

describe('skipping the quick check after a clean close (#17)', () => {
  it('leaves a note at a clean close, and removes it once the file is opened for writing', async () => {
    const { dir, db } = await closedWorkspace()
    expect(existsSync(`${db}.clean`)).toBe(true)
    expect(JSON.parse(readFileSync(`${db}.clean`, 'utf8'))).toMatchObject({ size: statSync(db).size })
    const ws = await openWorkspace(dir)
    expect(existsSync(`${db}.clean`)).toBe(false)
    ws.close()
    expect(existsSync(`${db}.clean`)).toBe(true)
  })

  it('still checks a file changed after the clean close, and refuses it damaged', async () => {
    const { dir, db } = await closedWorkspace()
    damageMiddle(db)
    later(db)
    const r = await opens(dir)
    expect(r).toBeInstanceOf(WorkspaceError)
    expect((r as WorkspaceError).message).toMatch(/damaged/i)
  })

  it('skips the check only while size, time and stamp all match (damage hidden behind the old time is not read)', async () => {
    const { dir, db } = await closedWorkspace()
    const { atime, mtimeMs } = statSync(db)
    damageMiddle(db)
    utimesSync(db, atime, mtimeMs / 1000)
    // The note matches, so the pages are not read: the open goes through (this is what saves the time).
    expect(await opens(dir)).toBe('opened')
  })

  it('checks when there is no note (a crash), a WAL is left, or the stamp is not the one in the file', async () => {
    const crash = await closedWorkspace()
    const { atime, mtime } = statSync(crash.db)
    damageMiddle(crash.db)
    utimesSync(crash.db, atime, mtime)
    writeFileSync(`${crash.db}.clean`, '')
    expect(await opens(crash.dir)).toBeInstanceOf(WorkspaceError)

    const wal = await closedWorkspace()
    const w = statSync(wal.db)
    damageMiddle(wal.db)
    utimesSync(wal.db, w.atime, w.mtime)
    writeFileSync(`${wal.db}-wal`, Buffer.alloc(32, 1))
    expect(await opens(wal.dir)).toBeInstanceOf(WorkspaceError)

    const other = await closedWorkspace()
    const o = statSync(other.db)
    damageMiddle(other.db)
    utimesSync(other.db, o.atime, o.mtime)
    const note = JSON.parse(readFileSync(`${other.db}.clean`, 'utf8')) as Record<string, unknown>
    writeFileSync(`${other.db}.clean`, JSON.stringify({ ...note, stamp: 'from another close' }))
    expect(await opens(other.dir)).toBeInstanceOf(WorkspaceError)
  })
})
