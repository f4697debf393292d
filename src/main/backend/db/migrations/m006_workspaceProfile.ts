import { migration } from './migration'

// The workspace's own profile (team name, hourly rate, currency) as a replicated singleton record.
export default migration({
  version: 6,
  name: 'workspace profile: team name, blended hourly rate, currency',
  up: (db) => {
    db.exec(`
CREATE TABLE workspace_profile (
  id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '', blended_hourly_rate REAL NOT NULL DEFAULT 75,
  currency TEXT NOT NULL DEFAULT 'USD',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT) STRICT;
CREATE INDEX workspace_profile_updated ON workspace_profile(updated_at);
`)
  }
})
