import { migration } from './migration'

// Record tables: TEXT ULID ids, STRICT, snake_case, NOT NULL with defaults (every synced column has a
// default or is nullable, SYNC.md §2.6), tombstones in deleted_at. No foreign keys on record tables:
// records travel between teammates in any order, so references are checked by the services and
// resolved in the UI instead of by the database.
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
CREATE TABLE member (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '', weekly_capacity_hours REAL NOT NULL DEFAULT 32, active INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;

CREATE TABLE goal (
  id TEXT PRIMARY KEY NOT NULL, objective TEXT NOT NULL DEFAULT '', driver TEXT NOT NULL DEFAULT 'reach',
  kpi_name TEXT NOT NULL DEFAULT '', kpi_unit TEXT NOT NULL DEFAULT '', baseline REAL NOT NULL DEFAULT 0,
  target REAL NOT NULL DEFAULT 0, quarter TEXT NOT NULL DEFAULT '', owner_id TEXT, priority REAL NOT NULL DEFAULT 3,
  weight REAL NOT NULL DEFAULT 1, notes TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX goal_quarter ON goal(quarter);

CREATE TABLE measurement (
  id TEXT PRIMARY KEY NOT NULL, goal_id TEXT, channel_id TEXT, metric TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '', value REAL NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX measurement_goal_date ON measurement(goal_id, date);
CREATE INDEX measurement_channel_date ON measurement(channel_id, date);

CREATE TABLE channel (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', platform TEXT NOT NULL DEFAULT 'other',
  handle TEXT NOT NULL DEFAULT '', owner_id TEXT, status TEXT NOT NULL DEFAULT 'active',
  audience_size REAL NOT NULL DEFAULT 0, cadence_per_week REAL NOT NULL DEFAULT 1, hours_per_post REAL NOT NULL DEFAULT 1,
  fixed_hours_per_month REAL NOT NULL DEFAULT 0, cost_per_month REAL NOT NULL DEFAULT 0,
  confidence REAL NOT NULL DEFAULT 0.5, goal_links TEXT NOT NULL DEFAULT '[]', estimates_updated_at TEXT,
  notes TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX channel_platform_handle ON channel(platform, handle);

CREATE TABLE campaign (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', start_date TEXT NOT NULL DEFAULT '',
  end_date TEXT NOT NULL DEFAULT '', goal_ids TEXT NOT NULL DEFAULT '[]', budget REAL NOT NULL DEFAULT 0,
  owner_id TEXT, color TEXT NOT NULL DEFAULT '#7c5cff', description TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX campaign_dates ON campaign(start_date, end_date);

CREATE TABLE content_item (
  id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL DEFAULT '', brief TEXT NOT NULL DEFAULT '',
  channel_id TEXT, campaign_id TEXT, pillar TEXT NOT NULL DEFAULT '', format TEXT NOT NULL DEFAULT 'post',
  owner_id TEXT, status TEXT NOT NULL DEFAULT 'idea', planned_date TEXT, due_date TEXT, publish_at TEXT,
  publish_zone TEXT, effort_hours REAL NOT NULL DEFAULT 1, goal_id TEXT, tracking_url TEXT NOT NULL DEFAULT '',
  checklist TEXT NOT NULL DEFAULT '{}', approver_id TEXT, approved_at TEXT, result_reach REAL,
  result_engagements REAL, result_clicks REAL, result_conversions REAL,
  ${system}) STRICT;
CREATE INDEX content_planned ON content_item(planned_date);
CREATE INDEX content_channel_planned ON content_item(channel_id, planned_date);
CREATE INDEX content_publish_at ON content_item(publish_at);
CREATE INDEX content_status ON content_item(status);
CREATE INDEX content_owner_planned ON content_item(owner_id, planned_date);
CREATE INDEX content_campaign ON content_item(campaign_id);

CREATE TABLE influencer (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  handles TEXT NOT NULL DEFAULT '{}', topics TEXT NOT NULL DEFAULT '[]', reach REAL NOT NULL DEFAULT 0,
  engagement_rate REAL NOT NULL DEFAULT 0, relevance REAL NOT NULL DEFAULT 3, stage TEXT NOT NULL DEFAULT 'identified',
  owner_id TEXT, last_contact_date TEXT, next_action TEXT NOT NULL DEFAULT '', next_action_date TEXT,
  notes TEXT NOT NULL DEFAULT '', interactions TEXT NOT NULL DEFAULT '[]', stage_history TEXT NOT NULL DEFAULT '[]',
  ${system}) STRICT;
CREATE INDEX influencer_stage ON influencer(stage);
CREATE INDEX influencer_owner ON influencer(owner_id);

CREATE TABLE conversation (
  id TEXT PRIMARY KEY NOT NULL, occurred_at TEXT NOT NULL DEFAULT '', channel_id TEXT, author TEXT NOT NULL DEFAULT '',
  influencer_id TEXT, summary TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT 'question',
  sentiment TEXT NOT NULL DEFAULT 'neutral', routed_to_id TEXT, routed_at TEXT, status TEXT NOT NULL DEFAULT 'new',
  resolution TEXT NOT NULL DEFAULT '', resolved_at TEXT, tags TEXT NOT NULL DEFAULT '[]',
  ${system}) STRICT;
CREATE INDEX conversation_occurred ON conversation(occurred_at);
CREATE INDEX conversation_status ON conversation(status);

-- The change log. One change_tx per user transaction (op id = dev:seq, seq contiguous per device),
-- one change_record per changed field, stamped with the hybrid logical clock. Sync publishes these;
-- undo replays old values; history screens read them.
CREATE TABLE change_tx (
  dev TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, origin TEXT NOT NULL DEFAULT 'local',
  label TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
  PRIMARY KEY (dev, seq)) STRICT;
CREATE INDEX change_tx_hlc ON change_tx(hlc);

CREATE TABLE change_record (
  id INTEGER PRIMARY KEY, dev TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, tbl TEXT NOT NULL,
  row_id TEXT NOT NULL, col TEXT NOT NULL, old_value TEXT, new_value TEXT, base TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX change_record_row ON change_record(tbl, row_id);
CREATE INDEX change_record_tx ON change_record(dev, seq);

-- Current heads of each field: after a local edit exactly one; several after concurrent remote edits.
CREATE TABLE field_head (
  tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, op TEXT NOT NULL, hlc TEXT NOT NULL, value TEXT,
  PRIMARY KEY (tbl, row_id, col, op)) STRICT, WITHOUT ROWID;

-- Per-database local state (this device's id, next sequence number, clock), never replicated.
CREATE TABLE local_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
`

export default migration({
  version: 1,
  name: 'initial schema: records, change log, field heads, local state',
  up: (db) => {
    db.exec(ddl)
  }
})
