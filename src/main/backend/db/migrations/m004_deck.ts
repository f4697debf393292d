import { migration } from './migration'

// Slide notes are replicated records (STRICT, TEXT ULID ids, every synced column with a default,
// tombstones), so they travel with the team folder like any other record. The deck reads them per
// quarter, hence the index.
const ddl = `
CREATE TABLE deck_note (
  id TEXT PRIMARY KEY NOT NULL, quarter TEXT NOT NULL DEFAULT '', slide_key TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT) STRICT;
CREATE INDEX deck_note_quarter ON deck_note(quarter, slide_key);
`

export default migration({
  version: 4,
  name: 'review deck: notes and decisions per slide and quarter',
  up: (db) => {
    db.exec(ddl)
  }
})
