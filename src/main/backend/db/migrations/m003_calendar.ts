import { migration } from './migration'

// Calendar: recurring series on content (nullable columns, so rows written before this version and
// rows that arrive by sync field by field stay valid), saved views and the workspace policy as
// replicated records (STRICT, TEXT ULID ids, defaults on every synced column, tombstones).
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
ALTER TABLE content_item ADD COLUMN series_id TEXT DEFAULT NULL;
ALTER TABLE content_item ADD COLUMN recurrence TEXT DEFAULT NULL;
CREATE INDEX content_series ON content_item(series_id) WHERE series_id IS NOT NULL;
CREATE INDEX content_due ON content_item(due_date);

CREATE TABLE saved_view (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', screen TEXT NOT NULL DEFAULT 'calendar',
  filter TEXT NOT NULL DEFAULT '{}', options TEXT NOT NULL DEFAULT '{}',
  ${system}) STRICT;
CREATE INDEX saved_view_screen ON saved_view(screen, name);

CREATE TABLE workspace_policy (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', checklist TEXT NOT NULL DEFAULT '[]',
  clash_window_hours REAL NOT NULL DEFAULT 2, require_other_approver INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;
`

export default migration({
  version: 3,
  name: 'calendar: recurring series on content, saved views, workspace policy',
  up: (db) => {
    db.exec(ddl)
  }
})
