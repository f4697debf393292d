import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, closeSync, writeSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/backend/openWorkspace'
import { WorkspaceError } from '../../src/main/backend/workspaceError'
import { runSmo } from './helpers/runSmo'
import { tempDir } from './helpers/tempWorkspace'

let root = ''
let cleanup: () => void = () => {}
const userData = () => join(root, 'userdata')
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

/** Overwrite the middle fifth of a database file's pages with junk, header and schema left intact. */
export function damagePages(file: string): void {
  const size = readFileSync(file).length
  const page = 4096
  const pages = Math.floor(size / page)
  const from = Math.floor(pages * 0.4)
  const to = Math.max(from + 1, Math.floor(pages * 0.6))
  const fd = openSync(file, 'r+')
  try {
    const junk = Buffer.alloc((to - from) * page, 0xab)
    writeSync(fd, junk, 0, junk.length, from * page)
  } finally {
    closeSync(fd)
  }
}

function memberCount(file: string): number {
  const db = new Database(file, { readonly: true })
  try {
    return Number(db.prepare('SELECT count(*) FROM member WHERE deleted_at IS NULL').pluck().get())
  } finally {
    db.close()
  }
}

/** A demo workspace with a good backup, then a newer "backup" that is itself damaged, then the workspace damaged. */
function damagedDemo(name: string): { ws: string; good: string; bad: string; before: string } {
  const ws = join(root, name)
  expect(runSmo(userData(), 'demo', '--workspace', ws).status).toBe(0)
  const backup = runSmo(userData(), 'backup', '--workspace', ws)
  expect(backup.status, backup.stderr).toBe(0)
  const good = readdirSync(join(ws, 'backups')).filter((f) => f.startsWith('workspace-manual-'))
  expect(good).toHaveLength(1)
  const bad = join(ws, 'backups', 'workspace-manual-2999-01-01T00-00-00-000Z.sqlite')
  copyFileSync(join(ws, 'workspace.sqlite'), bad)
  damagePages(bad)
  damagePages(join(ws, 'workspace.sqlite'))
  return { ws, good: join(ws, 'backups', good[0] ?? ''), bad, before: hash(join(ws, 'workspace.sqlite')) }
}

beforeAll(() => {
  const t = tempDir('smo-damaged-')
  root = t.dir
  cleanup = t.cleanup
})
afterAll(() => cleanup())

// Each test runs the real `smo` two or three times; on a busy machine one run takes several seconds.
describe('a damaged workspace is named, not used', { timeout: 240_000 }, () => {
  it('smo score refuses it with one sentence that names the newest good backup and the restore command; the file is untouched', () => {
    const { ws, good, before } = damagedDemo('score')
    const r = runSmo(userData(), 'score', '--workspace', ws, '--json')
    expect(r.status).toBe(3)
    expect(r.stdout).toBe('')
    const line = r.stderr.trim()
    expect(line.split('\n')).toHaveLength(1)
    expect(line).toContain(`${join(ws, 'workspace.sqlite')} is damaged`)
    expect(line).toContain(`smo restore --workspace ${ws} --from ${good}`)
    expect(hash(join(ws, 'workspace.sqlite'))).toBe(before)
  })

  it('every open refuses it, with the offer attached for the hosts', async () => {
    const { ws, good } = damagedDemo('open')
    const e = await openWorkspace(ws, { lock: 'test' }).then(
      () => null,
      (x: unknown) => x
    )
    expect(e).toBeInstanceOf(WorkspaceError)
    const err = e as WorkspaceError
    expect(err.reason).toBe('corrupt')
    expect(err.damaged?.restoreFrom?.path).toBe(good)
    // No lock is left behind: the refusal comes before the workspace is taken.
    expect(readdirSync(ws)).not.toContain('workspace.lock')
  })

  it('smo restore brings the backup back and keeps the damaged file aside', () => {
    const { ws, good, before } = damagedDemo('restore')
    const r = runSmo(userData(), 'restore', '--workspace', ws, '--from', good)
    expect(r.status, r.stderr).toBe(0)
    const aside = readdirSync(ws).filter((f) => /^workspace\.damaged-\d{4}-\d{2}-\d{2}T[\d-]+Z\.sqlite$/.test(f))
    expect(aside).toHaveLength(1)
    expect(r.stdout).toContain(`kept as ${join(ws, aside[0] ?? '')}`)
    expect(hash(join(ws, aside[0] ?? ''))).toBe(before)
    expect(memberCount(join(ws, 'workspace.sqlite'))).toBeGreaterThan(0)
    const score = runSmo(userData(), 'score', '--workspace', ws, '--json')
    expect(score.status, score.stderr).toBe(0)
  })

  it('with no good backup, says so instead of offering one', () => {
    const ws = join(root, 'nobackup')
    expect(runSmo(userData(), 'demo', '--workspace', ws).status).toBe(0)
    for (const f of existsSync(join(ws, 'backups')) ? readdirSync(join(ws, 'backups')) : []) damagePages(join(ws, 'backups', f))
    damagePages(join(ws, 'workspace.sqlite'))
    const r = runSmo(userData(), 'check', '--workspace', ws)
    expect(r.status).toBe(3)
    expect(r.stderr).toMatch(/is damaged .*no backup in .* passes the check/)
  })
})
