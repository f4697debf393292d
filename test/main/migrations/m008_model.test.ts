import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m008 from '../../../src/main/backend/db/migrations/m008_model'

function before8(): Database.Database {
  const db = new Database(':memory:')
  for (const m of migrations.filter((x) => x.version < 8)) m.up(db)
  return db
}

describe('migration 008 (the second priority model)', () => {
  it('keeps every goal with its values, adds kind = count and no stretch, and lets target be null', () => {
    const db = before8()
    db.prepare(
      `INSERT INTO goal (id, objective, driver, kpi_name, kpi_unit, baseline, target, quarter, owner_id, priority, weight, notes, created_at, updated_at, deleted_at)
       VALUES ('g1', 'Pipeline', 'revenue', 'Demo requests', 'requests', 10, 120, '2026-Q4', 'm1', 4, 2, 'n', 'c', 'u', NULL),
              ('g2', 'Gone', 'reach', 'Followers', '', 0, 5, '2026-Q3', NULL, 3, 1, '', 'c', 'u', 'd')`
    ).run()
    m008.up(db)
    const rows = db.prepare('SELECT * FROM goal ORDER BY id').all()
    expect(rows).toEqual([
      { id: 'g1', objective: 'Pipeline', driver: 'revenue', kind: 'count', kpi_name: 'Demo requests', kpi_unit: 'requests', baseline: 10, target: 120, stretch_target: null, quarter: '2026-Q4', owner_id: 'm1', priority: 4, weight: 2, notes: 'n', created_at: 'c', updated_at: 'u', deleted_at: null },
      { id: 'g2', objective: 'Gone', driver: 'reach', kind: 'count', kpi_name: 'Followers', kpi_unit: '', baseline: 0, target: 5, stretch_target: null, quarter: '2026-Q3', owner_id: null, priority: 3, weight: 1, notes: '', created_at: 'c', updated_at: 'u', deleted_at: 'd' }
    ])
    db.prepare("UPDATE goal SET target = NULL WHERE id = 'g1'").run()
    expect(db.prepare("SELECT target FROM goal WHERE id = 'g1'").get()).toEqual({ target: null })
    const t = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'goal'").get() as { strict: number }
    expect(t.strict).toBe(1)
    expect(() => db.prepare("UPDATE goal SET stretch_target = 'lots' WHERE id = 'g1'").run()).toThrow()
    const idx = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'goal' AND name NOT LIKE 'sqlite_%'").all()
    expect(idx).toEqual([{ name: 'goal_quarter' }])
  })

  it('adds the channel, pin and member columns with defaults that leave old rows as they were', () => {
    const db = before8()
    db.prepare("INSERT INTO channel (id, name, created_at, updated_at) VALUES ('c1', 'Blog', 'c', 'u')").run()
    db.prepare("INSERT INTO pin (id, channel_id, min_hours, reason, created_at, updated_at) VALUES ('p1', 'c1', 2, 'why', 'c', 'u')").run()
    db.prepare("INSERT INTO member (id, name, created_at, updated_at) VALUES ('m1', 'Priya', 'c', 'u')").run()
    m008.up(db)
    expect(db.prepare('SELECT organic_reach_share, reach_note, trial_hours_per_week FROM channel').get()).toEqual({
      organic_reach_share: null, reach_note: '', trial_hours_per_week: null
    })
    expect(db.prepare('SELECT min_hours, max_hours FROM pin').get()).toEqual({ min_hours: 2, max_hours: null })
    expect(db.prepare('SELECT other_work_hours_per_week AS o FROM member').get()).toEqual({ o: 0 })
  })
})
