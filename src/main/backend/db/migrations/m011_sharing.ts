import { migration } from './migration'

// People sharing work (issue #14 items 5–7). Comments, task templates and tasks are replicated
// records (STRICT, ULID ids, defaults on every synced column so a row that arrives field by field
// stays valid, tombstones). The approval gate's "all tasks done" switch joins the workspace policy.
// Notification read marks and choices are local to this computer and never synced: they are for
// *me*, derived from the records each time.
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
CREATE TABLE comment (
  id TEXT PRIMARY KEY NOT NULL, target_kind TEXT NOT NULL DEFAULT 'content', target_id TEXT NOT NULL DEFAULT '',
  parent_id TEXT DEFAULT NULL, author_id TEXT DEFAULT NULL, body TEXT NOT NULL DEFAULT '', mentions TEXT NOT NULL DEFAULT '[]',
  resolved INTEGER NOT NULL DEFAULT 0, resolved_by_id TEXT DEFAULT NULL, resolved_at TEXT DEFAULT NULL, edited_at TEXT DEFAULT NULL,
  ${system}) STRICT;
CREATE INDEX comment_target ON comment(target_id, created_at);
CREATE INDEX comment_parent ON comment(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE task_template (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', channel_id TEXT DEFAULT NULL, format TEXT DEFAULT NULL,
  steps TEXT NOT NULL DEFAULT '[]',
  ${system}) STRICT;

CREATE TABLE task (
  id TEXT PRIMARY KEY NOT NULL, content_id TEXT NOT NULL DEFAULT '', template_id TEXT DEFAULT NULL, step_key TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '', offset_days INTEGER NOT NULL DEFAULT 0, hours REAL NOT NULL DEFAULT 0,
  assignee_id TEXT DEFAULT NULL, assignee_role TEXT NOT NULL DEFAULT '', gates_approval INTEGER NOT NULL DEFAULT 1,
  done INTEGER NOT NULL DEFAULT 0, done_at TEXT DEFAULT NULL, done_by_id TEXT DEFAULT NULL, done_due_date TEXT DEFAULT NULL,
  ${system}) STRICT;
CREATE INDEX task_content ON task(content_id);
CREATE INDEX task_assignee ON task(assignee_id) WHERE assignee_id IS NOT NULL;

ALTER TABLE workspace_policy ADD COLUMN require_tasks_done INTEGER NOT NULL DEFAULT 0;

CREATE TABLE notification_read (
  member_id TEXT NOT NULL, notification_id TEXT NOT NULL, read_at TEXT NOT NULL,
  PRIMARY KEY (member_id, notification_id)) STRICT, WITHOUT ROWID;
CREATE TABLE notification_pref (
  member_id TEXT NOT NULL, kind TEXT NOT NULL, enabled INTEGER NOT NULL,
  PRIMARY KEY (member_id, kind)) STRICT, WITHOUT ROWID;
`

export default migration({
  version: 11,
  name: 'sharing: comments, task templates, tasks, tasks-done gate, notification read marks and choices',
  up: (db) => {
    db.exec(ddl)
  }
})
