import { migration } from './migration'

// The listening desk (issue #16). The conversation's status becomes its desk state (routed → assigned)
// and "routed to" a member becomes "assigned to" an expert: every member a conversation was routed to
// gets an expert record with the member's own id, so each computer migrating on its own makes the same
// row and the old ids stay valid. New replicated kinds: experts, watched sources, routing rules,
// escalation ladders, approved answers, hand-offs and the desk settings (STRICT, defaults on every synced
// column so a row that arrives field by field stays valid, tombstones). Due times are derived, per
// computer, in `conversation_clock` (never synced): triggers mark a conversation stale when a field its
// clocks read changes, whichever path wrote it (a form, an import, undo, a teammate's sync).
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
ALTER TABLE conversation RENAME COLUMN status TO state;
ALTER TABLE conversation RENAME COLUMN routed_to_id TO assignee_id;
ALTER TABLE conversation RENAME COLUMN routed_at TO assigned_at;
UPDATE conversation SET state = 'assigned' WHERE state = 'routed';
ALTER TABLE conversation ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE conversation ADD COLUMN assignment_note TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN first_response_at TEXT DEFAULT NULL;
ALTER TABLE conversation ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversation ADD COLUMN escalations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE conversation ADD COLUMN reply_text TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN answer_id TEXT DEFAULT NULL;
ALTER TABLE conversation ADD COLUMN ticket_id TEXT NOT NULL DEFAULT '';
ALTER TABLE conversation ADD COLUMN checklist TEXT NOT NULL DEFAULT '[]';
ALTER TABLE conversation ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
CREATE INDEX conversation_assignee ON conversation(assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX conversation_url ON conversation(url) WHERE url <> '';
-- The desk's reads at 100k (issue #16 "Figures"): tab counts and filtered totals are counted from these
-- indexes without touching the rows.
CREATE INDEX conversation_live_state ON conversation(state, topic COLLATE NOCASE, assignee_id) WHERE deleted_at IS NULL;
CREATE INDEX conversation_live_type ON conversation(type, priority) WHERE deleted_at IS NULL;

CREATE TABLE expert (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', member_id TEXT DEFAULT NULL, team TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', topics TEXT NOT NULL DEFAULT '[]', languages TEXT NOT NULL DEFAULT '[]',
  availability TEXT NOT NULL DEFAULT 'available', availability_note TEXT NOT NULL DEFAULT '', escalates_to_id TEXT DEFAULT NULL,
  active INTEGER NOT NULL DEFAULT 1, left_at TEXT DEFAULT NULL,
  ${system}) STRICT;
CREATE INDEX expert_member ON expert(member_id) WHERE member_id IS NOT NULL;

CREATE TABLE watch (
  id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL DEFAULT 'blog', name TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
  expert_id TEXT NOT NULL DEFAULT '', influencer_id TEXT DEFAULT NULL, every_days INTEGER NOT NULL DEFAULT 7,
  last_checked_at TEXT DEFAULT NULL, note TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX watch_expert ON watch(expert_id);

CREATE TABLE routing_rule (
  id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL DEFAULT 1, name TEXT NOT NULL DEFAULT '', types TEXT NOT NULL DEFAULT '[]',
  topics TEXT NOT NULL DEFAULT '[]', sentiments TEXT NOT NULL DEFAULT '[]', keywords TEXT NOT NULL DEFAULT '[]',
  authors TEXT NOT NULL DEFAULT '[]', channel_ids TEXT NOT NULL DEFAULT '[]', networks TEXT NOT NULL DEFAULT '[]',
  assignee_id TEXT NOT NULL DEFAULT '', priority TEXT DEFAULT NULL, active INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;

CREATE TABLE escalation_ladder (
  id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL DEFAULT 'complaint', steps TEXT NOT NULL DEFAULT '[]',
  ${system}) STRICT;

CREATE TABLE approved_answer (
  id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '', owner_id TEXT DEFAULT NULL, review_by TEXT NOT NULL DEFAULT '', reviewed_at TEXT DEFAULT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;

CREATE TABLE handoff (
  id TEXT PRIMARY KEY NOT NULL, conversation_id TEXT NOT NULL DEFAULT '', first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '', job_title TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', goal_id TEXT DEFAULT NULL,
  campaign TEXT NOT NULL DEFAULT 'social-listening', handed_at TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT 'open',
  outcome_at TEXT DEFAULT NULL, exported_at TEXT DEFAULT NULL, value REAL NOT NULL DEFAULT 0,
  ${system}) STRICT;
CREATE INDEX handoff_conversation ON handoff(conversation_id);
CREATE INDEX handoff_goal ON handoff(goal_id) WHERE goal_id IS NOT NULL;

CREATE TABLE desk_policy (
  id TEXT PRIMARY KEY NOT NULL, time_zone TEXT NOT NULL DEFAULT 'Europe/Berlin', week TEXT NOT NULL DEFAULT '{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}',
  holidays TEXT NOT NULL DEFAULT '[]', targets TEXT NOT NULL DEFAULT '[]', warn_hours REAL NOT NULL DEFAULT 1,
  auto_escalate INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;

-- Local and derived: due times of each conversation under this computer's newest desk settings.
-- next_due_at is the running clock (null once resolved), warn_at when it has warn_hours left.
-- WITHOUT ROWID: every read joins it by id, which is then one lookup, not the id index and then the row.
CREATE TABLE conversation_clock (
  id TEXT PRIMARY KEY NOT NULL, first_response_due_at TEXT, resolution_due_at TEXT, next_due_at TEXT, warn_at TEXT,
  stale INTEGER NOT NULL DEFAULT 1
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_clock_stale ON conversation_clock(id) WHERE stale = 1;
CREATE INDEX conversation_clock_next ON conversation_clock(next_due_at) WHERE next_due_at IS NOT NULL;
CREATE TRIGGER conversation_clock_insert AFTER INSERT ON conversation BEGIN
  INSERT INTO conversation_clock (id, stale) VALUES (NEW.id, 1) ON CONFLICT(id) DO UPDATE SET stale = 1;
END;
CREATE TRIGGER conversation_clock_update AFTER UPDATE OF occurred_at, type, priority, state, first_response_at, resolved_at, deleted_at ON conversation BEGIN
  INSERT INTO conversation_clock (id, stale) VALUES (NEW.id, 1) ON CONFLICT(id) DO UPDATE SET stale = 1;
END;
CREATE TRIGGER conversation_clock_policy_insert AFTER INSERT ON desk_policy BEGIN
  UPDATE conversation_clock SET stale = 1;
END;
CREATE TRIGGER conversation_clock_policy_update AFTER UPDATE ON desk_policy BEGIN
  UPDATE conversation_clock SET stale = 1;
END;
INSERT INTO conversation_clock (id, stale) SELECT id, 1 FROM conversation;

-- The sync registers follow the renamed columns, so a later merge compares like with like.
UPDATE field_head SET col = 'state', value = CASE WHEN value = '"routed"' THEN '"assigned"' ELSE value END WHERE tbl = 'conversation' AND col = 'status';
UPDATE field_head SET col = 'assignee_id' WHERE tbl = 'conversation' AND col = 'routed_to_id';
UPDATE field_head SET col = 'assigned_at' WHERE tbl = 'conversation' AND col = 'routed_at';
`

export default migration({
  version: 15,
  name: 'listening desk: conversation states and clocks, experts, watched sources, routing rules, escalation ladders, approved answers, hand-offs, desk settings',
  up: (db) => {
    db.exec(ddl)
    // Routed to a member → assigned to that member as an expert, under the member's own id.
    db.exec(`INSERT INTO expert (id, name, member_id, created_at, updated_at)
      SELECT m.id, m.name, m.id, m.created_at, m.updated_at FROM member m
      WHERE m.id IN (SELECT assignee_id FROM conversation WHERE assignee_id IS NOT NULL)`)
  }
})
