import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/backend/db/migrate'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import { migration } from '../../../src/main/backend/db/migrations/migration'
import { tempDir } from '../helpers/tempWorkspace'

// Test steps go one past the real schema, so these tests keep holding as feature migrations land.
const current = Math.max(...migrations.map((m) => m.version))
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('the migration runner', () => {
  it('backs up with the SQLite backup API before migrating an existing database', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = join(t.dir, 'w.sqlite')
    const db = new Database(file)
    await migrate(db, file, () => join(t.dir, 'unused.sqlite'))
    db.prepare("INSERT INTO local_state (key, value) VALUES ('marker', 'v1 data')").run()
    const v2 = migration({ version: current + 1, name: 'test step', up: (d) => d.exec('CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT') })
    const backup = join(t.dir, 'backup-v1.sqlite')
    const r = await migrate(db, file, () => backup, [...migrations, v2])
    expect(r).toEqual({ from: current, to: current + 1, backup })
    const copy = new Database(backup, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(current)
    expect(copy.prepare("SELECT value FROM local_state WHERE key = 'marker'").get()).toEqual({ value: 'v1 data' })
    copy.close()
    db.close()
  })

  it('leaves the database at the previous version when a step fails', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const file = join(t.dir, 'w.sqlite')
    const db = new Database(file)
    await migrate(db, file, () => '')
    const broken = migration({
      version: current + 1,
      name: 'fails half-way',
      up: (d) => {
        d.exec('CREATE TABLE half (id TEXT) STRICT')
        throw new Error('boom')
      }
    })
    await expect(migrate(db, file, () => join(t.dir, 'b.sqlite'), [...migrations, broken])).rejects.toThrow('boom')
    expect(db.pragma('user_version', { simple: true })).toBe(current)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined()
    expect(existsSync(join(t.dir, 'b.sqlite'))).toBe(true)
    db.close()
  })
})
