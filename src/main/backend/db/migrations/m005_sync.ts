import { migration } from './migration'

// Team sync (SYNC.md §2.6): the field heads become the multi-value register of every replicated field,
// so each head remembers the op ids it superseded (`base`) for the "deleted while edited" check and the
// base value shown in the review inbox. change_tx doubles as the received set: remote ops land there
// with origin 'remote'; `hash` fingerprints an op's canonical record (fork detection) and `schema` is the
// data schema its writer had. The sync_* tables are local bookkeeping and never replicated.
const ddl = `
ALTER TABLE field_head ADD COLUMN base TEXT NOT NULL DEFAULT '[]';
ALTER TABLE change_tx ADD COLUMN hash TEXT;
ALTER TABLE change_tx ADD COLUMN schema INTEGER NOT NULL DEFAULT 1;

CREATE TABLE sync_device (
  dev TEXT PRIMARY KEY NOT NULL, hwm INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL DEFAULT '',
  app TEXT NOT NULL DEFAULT '', ack TEXT NOT NULL DEFAULT '{}', published INTEGER NOT NULL DEFAULT 0,
  clock_wall INTEGER, seen_at INTEGER) STRICT, WITHOUT ROWID;
CREATE TABLE sync_ref (
  tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, op TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, col, op)) STRICT, WITHOUT ROWID;
CREATE TABLE sync_pending (
  op TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, hlc TEXT NOT NULL,
  value TEXT, base TEXT NOT NULL DEFAULT '[]', schema INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (op, tbl, row_id, col)) STRICT, WITHOUT ROWID;
CREATE TABLE sync_fork (
  dev TEXT NOT NULL, seq INTEGER NOT NULL, kept_hash TEXT NOT NULL, other_hash TEXT NOT NULL, other TEXT NOT NULL,
  PRIMARY KEY (dev, seq, other_hash)) STRICT, WITHOUT ROWID;
CREATE TABLE sync_file (
  path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, state TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE sync_gap (
  dev TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL, path TEXT NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0, next_try INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (dev, from_seq)) STRICT, WITHOUT ROWID;
-- Review items that are not derived from heads (a teammate's bulk deletion), until dismissed or undone.
CREATE TABLE sync_review (
  id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL,
  closed_at TEXT) STRICT;
`

const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export default migration({
  version: 5,
  name: 'team sync: field registers with bases, received ops, sync bookkeeping',
  up: (db) => {
    db.exec(ddl)
    // Before this version a field never edited since creation had the creation op as an implicit
    // head. The merge needs every head explicit, so give those fields their creation head now.
    const creations = db.prepare(`SELECT dev, seq, hlc, tbl, row_id, new_value FROM change_record WHERE col = '*' ORDER BY id`).all() as {
      dev: string
      seq: number
      hlc: string
      tbl: string
      row_id: string
      new_value: string | null
    }[]
    const has = db.prepare(`SELECT 1 FROM field_head WHERE tbl = ? AND row_id = ? AND col = ? LIMIT 1`)
    const put = db.prepare(`INSERT OR IGNORE INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES (?, ?, ?, ?, ?, ?, '[]')`)
    for (const c of creations) {
      const values = c.new_value === null ? {} : (JSON.parse(c.new_value) as Record<string, unknown>)
      for (const [field, v] of Object.entries(values)) {
        const col = snake(field)
        if (has.get(c.tbl, c.row_id, col)) continue
        put.run(c.tbl, c.row_id, col, `${c.dev}:${c.seq}`, c.hlc, JSON.stringify(v ?? null))
      }
    }
  }
})
