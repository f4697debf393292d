import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m011 from '../../../src/main/backend/db/migrations/m011_sharing'

describe('migration 011 (sharing)', () => {
  it('adds STRICT comment, task template and task tables, the tasks-done policy switch, and local notification tables', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 11)) m.up(db)
    db.exec("INSERT INTO workspace_policy (id, created_at, updated_at) VALUES ('P', 'x', 'x')")
    m011.up(db)
    for (const name of ['comment', 'task_template', 'task', 'notification_read', 'notification_pref']) {
      const t = db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(name) as { strict: number } | undefined
      expect(t?.strict, name).toBe(1)
    }
    // Existing policies keep approving as before: the switch starts off.
    expect(db.prepare("SELECT require_tasks_done AS r FROM workspace_policy WHERE id = 'P'").get()).toEqual({ r: 0 })
    // A row that arrives field by field (sync) is valid from its first column.
    db.exec("INSERT INTO task (id, created_at, updated_at) VALUES ('T', 'x', 'x')")
    expect(db.prepare("SELECT gates_approval AS g, done AS d FROM task WHERE id = 'T'").get()).toEqual({ g: 1, d: 0 })
  })
})
