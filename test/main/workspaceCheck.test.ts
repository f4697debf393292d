/**
 * The check `smo check` runs (#17): its counts come from plain table names rather than the record
 * schemas (so the command starts without zod), and the open runs SQLite's full integrity check in
 * place of the quick one, so the file is read once and damage only the full check sees is refused.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorkspace } from '../../src/main/backend/openWorkspace'
import { recordCodec } from '../../src/main/backend/repo/recordCodec'
import { countedKinds } from '../../src/main/backend/services/workspaceCheck'
import { kindDirectory } from '../../src/core/domain/kindDirectory'
import { WorkspaceError } from '../../src/main/backend/workspaceError'
import { tempDir } from './helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('the workspace check', () => {
  it('counts the tables the record kinds are stored in', () => {
    for (const kind of Object.values(countedKinds)) expect(kindDirectory[kind].table, kind).toBe(recordCodec(kind).table)
  })

  it('with the full check, refuses an index that no longer matches its table (the quick check does not look)', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const ws = await openWorkspace(t.dir, { create: true })
    ws.close()
    // Damage only an index's contents: change the one key in an index's page, so the index no
    // longer matches the row it claims to index while every page stays well formed.
    const file = join(t.dir, 'workspace.sqlite')
    const raw = new Database(file)
    raw.exec(`CREATE TABLE t_probe (a TEXT); CREATE INDEX t_probe_a ON t_probe (a); INSERT INTO t_probe (a) VALUES ('probe-key-1');`)
    const root = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 't_probe_a'`).pluck().get() as number
    const pageSize = Number(raw.pragma('page_size', { simple: true }))
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const bytes = readFileSync(file)
    const page = bytes.subarray((root - 1) * pageSize, root * pageSize)
    const at = page.indexOf('probe-key-1')
    expect(at).toBeGreaterThan(0)
    page.write('probe-key-9', at)
    writeFileSync(file, bytes)

    const quick = await openWorkspace(t.dir, { readonly: true })
    quick.close()
    const e = await openWorkspace(t.dir, { readonly: true, fullCheck: true }).then(
      () => null,
      (x: unknown) => x
    )
    expect(e).toBeInstanceOf(WorkspaceError)
    expect((e as WorkspaceError).reason).toBe('corrupt')
    expect((e as WorkspaceError).message).toMatch(/is damaged .*t_probe_a/)
  })
})
