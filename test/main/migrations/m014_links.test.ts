import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/backend/db/migrations/index'
import m014 from '../../../src/main/backend/db/migrations/m014_links'

describe('migration 014 (tracked links and the outcome ledger)', () => {
  it('adds the link convention, tracked links and outcomes, and a results metric on goals that stays empty for goals already there', () => {
    const db = new Database(':memory:')
    for (const m of migrations.filter((x) => x.version < 14)) m.up(db)
    db.prepare("INSERT INTO goal (id, objective, driver, kpi_name, quarter, created_at, updated_at) VALUES ('01K0000000000000000000000G', 'Leads', 'revenue', 'Leads', '2026-Q4', 'x', 'x')").run()
    const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    expect(tables()).not.toContain('outcome')
    m014.up(db)
    expect(tables()).toEqual(expect.arrayContaining(['link_convention', 'tracked_link', 'outcome']))
    expect(db.prepare('SELECT results_metric FROM goal').get()).toEqual({ results_metric: null })
  })
})
