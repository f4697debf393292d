import { migration } from './migration'

// The second priority model (issue #12): goal kinds, stretch targets and goals without a target; a
// channel's organic reach share (with where it came from) and a proposed channel's trial hours; a pin's
// upper limit; members' hours spoken for outside channel work.
//
// goal.target becomes nullable. SQLite cannot drop a NOT NULL constraint in place, so the goal table is
// rebuilt (same columns and values, in one transaction with the rest); no other table references it
// with a foreign key, and its one index is recreated.
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
CREATE TABLE goal_m008 (
  id TEXT PRIMARY KEY NOT NULL, objective TEXT NOT NULL DEFAULT '', driver TEXT NOT NULL DEFAULT 'reach',
  kind TEXT NOT NULL DEFAULT 'count',
  kpi_name TEXT NOT NULL DEFAULT '', kpi_unit TEXT NOT NULL DEFAULT '', baseline REAL NOT NULL DEFAULT 0,
  target REAL, stretch_target REAL, quarter TEXT NOT NULL DEFAULT '', owner_id TEXT, priority REAL NOT NULL DEFAULT 3,
  weight REAL NOT NULL DEFAULT 1, notes TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
INSERT INTO goal_m008 (id, objective, driver, kpi_name, kpi_unit, baseline, target, quarter, owner_id, priority, weight, notes, created_at, updated_at, deleted_at)
  SELECT id, objective, driver, kpi_name, kpi_unit, baseline, target, quarter, owner_id, priority, weight, notes, created_at, updated_at, deleted_at FROM goal;
DROP TABLE goal;
ALTER TABLE goal_m008 RENAME TO goal;
CREATE INDEX goal_quarter ON goal(quarter);

ALTER TABLE channel ADD COLUMN organic_reach_share REAL;
ALTER TABLE channel ADD COLUMN reach_note TEXT NOT NULL DEFAULT '';
ALTER TABLE channel ADD COLUMN trial_hours_per_week REAL;

ALTER TABLE pin ADD COLUMN max_hours REAL;

ALTER TABLE member ADD COLUMN other_work_hours_per_week REAL NOT NULL DEFAULT 0;
`

export default migration({
  version: 8,
  name: 'model: goal kind, stretch and optional target; channel organic reach share and trial hours; pin maximum; members’ other work',
  up: (db) => {
    db.exec(ddl)
  }
})
