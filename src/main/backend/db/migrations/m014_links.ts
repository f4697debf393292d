import { migration } from './migration'

// Tracked links and results back (issue #15 items 3–4). The link convention is a replicated singleton
// like the publishing policy; tracked links and outcomes are replicated records (STRICT, defaults on
// every synced column so a row that arrives field by field stays valid, tombstones). A goal may take
// its progress from one ledger metric.
const system = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT`

const ddl = `
CREATE TABLE link_convention (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT 'Link convention', sources TEXT NOT NULL DEFAULT '[]',
  mediums TEXT NOT NULL DEFAULT '[]', channel_defaults TEXT NOT NULL DEFAULT '[]', casing TEXT NOT NULL DEFAULT 'lower',
  separator TEXT NOT NULL DEFAULT '-', required TEXT NOT NULL DEFAULT '[]', campaign_from_records INTEGER NOT NULL DEFAULT 1,
  ${system}) STRICT;

CREATE TABLE tracked_link (
  id TEXT PRIMARY KEY NOT NULL, url TEXT NOT NULL DEFAULT '', base_url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '', medium TEXT NOT NULL DEFAULT '', campaign TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '', term TEXT NOT NULL DEFAULT '',
  content_id TEXT DEFAULT NULL, campaign_id TEXT DEFAULT NULL, channel_id TEXT DEFAULT NULL, note TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX tracked_link_content ON tracked_link(content_id) WHERE content_id IS NOT NULL;
CREATE INDEX tracked_link_campaign ON tracked_link(campaign);

CREATE TABLE outcome (
  id TEXT PRIMARY KEY NOT NULL, date TEXT NOT NULL DEFAULT '1970-01-01', metric TEXT NOT NULL DEFAULT 'sessions',
  value REAL NOT NULL DEFAULT 0, format TEXT NOT NULL DEFAULT 'ga4', source_file TEXT NOT NULL DEFAULT '',
  source_row INTEGER NOT NULL DEFAULT 0, external_id TEXT NOT NULL DEFAULT '', import_key TEXT NOT NULL DEFAULT '',
  utm_source TEXT NOT NULL DEFAULT '', utm_medium TEXT NOT NULL DEFAULT '', utm_campaign TEXT NOT NULL DEFAULT '',
  landing_url TEXT NOT NULL DEFAULT '', content_id TEXT DEFAULT NULL, channel_id TEXT DEFAULT NULL, campaign_id TEXT DEFAULT NULL,
  match_rule TEXT NOT NULL DEFAULT '',
  ${system}) STRICT;
CREATE INDEX outcome_import_key ON outcome(import_key);
CREATE INDEX outcome_metric_date ON outcome(metric, date);
CREATE INDEX outcome_content ON outcome(content_id) WHERE content_id IS NOT NULL;

ALTER TABLE goal ADD COLUMN results_metric TEXT DEFAULT NULL;
`

export default migration({
  version: 14,
  name: 'links: link convention, tracked links, outcome ledger, goal results metric',
  up: (db) => {
    db.exec(ddl)
  }
})
