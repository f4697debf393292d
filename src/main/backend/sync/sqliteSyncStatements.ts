/**
 * The statements of SqliteSyncStore, prepared once per database with constant text and bound values;
 * nothing is ever interpolated.
 */
import type Database from 'better-sqlite3'

export function sqliteSyncStatements(db: Database.Database) {
  const p = (text: string): Database.Statement => db.prepare(text)
  return {
    state: p(`SELECT value FROM local_state WHERE key = ?`),
    setState: p(`INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    tx: p(`SELECT hash, hlc, origin, schema FROM change_tx WHERE dev = ? AND seq = ?`),
    txAbove: p(`SELECT seq, hash FROM change_tx WHERE dev = ? AND seq > ?`),
    insTx: p(`INSERT INTO change_tx (dev, seq, hlc, origin, label, created_at, hash, schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT(dev, seq) DO UPDATE SET hash = excluded.hash`),
    setHash: p(`UPDATE change_tx SET hash = ? WHERE dev = ? AND seq = ?`),
    records: p(`SELECT tbl, row_id, col, new_value, base FROM change_record WHERE dev = ? AND seq = ? ORDER BY id`),
    hasRecords: p(`SELECT 1 FROM change_record WHERE dev = ? AND seq = ? LIMIT 1`),
    insRecord: p(`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, col, old_value, new_value, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    device: p(`SELECT hwm FROM sync_device WHERE dev = ?`),
    insDevice: p(`INSERT INTO sync_device (dev, hwm) VALUES (?, ?) ON CONFLICT(dev) DO UPDATE SET hwm = excluded.hwm`),
    devices: p(`SELECT dev FROM sync_device UNION SELECT ? ORDER BY 1`),
    lastLocal: p(`SELECT max(seq) AS n FROM change_tx WHERE dev = ?`),
    countAbove: p(`SELECT count(*) AS n FROM change_tx WHERE dev = ? AND seq > ?`),
    localRange: p(`SELECT seq, hlc, hash, schema FROM change_tx WHERE dev = ? AND seq >= ? AND seq <= ? ORDER BY seq`),
    heads: p(`SELECT op, hlc, value, base FROM field_head WHERE tbl = ? AND row_id = ? AND col = ?`),
    // Batch preload: the JSON list of [tbl, row, col] drives the join (CROSS JOIN keeps it the outer
    // loop), so each field is one primary-key probe inside SQLite instead of one call from JS.
    manyHeads: p(`SELECT h.tbl, h.row_id, h.col, h.op, h.hlc, h.value, h.base FROM json_each(?) AS j CROSS JOIN field_head AS h
                  ON h.tbl = json_extract(j.value, '$[0]') AND h.row_id = json_extract(j.value, '$[1]') AND h.col = json_extract(j.value, '$[2]')`),
    manyRefs: p(`SELECT r.tbl, r.row_id, r.col, r.op FROM json_each(?) AS j CROSS JOIN sync_ref AS r
                 ON r.tbl = json_extract(j.value, '$[0]') AND r.row_id = json_extract(j.value, '$[1]') AND r.col = json_extract(j.value, '$[2]')`),
    fresh: p(`SELECT 1 FROM change_tx UNION ALL SELECT 1 FROM field_head UNION ALL SELECT 1 FROM sync_received LIMIT 1`),
    storedRows: p(`SELECT tbl, row_id FROM field_head UNION SELECT tbl, row_id FROM sync_ref`),
    delHeads: p(`DELETE FROM field_head WHERE tbl = ? AND row_id = ? AND col = ?`),
    insHead: p(`INSERT INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    refs: p(`SELECT op FROM sync_ref WHERE tbl = ? AND row_id = ? AND col = ?`),
    delRefs: p(`DELETE FROM sync_ref WHERE tbl = ? AND row_id = ? AND col = ?`),
    insRef: p(`INSERT INTO sync_ref (tbl, row_id, col, op) VALUES (?, ?, ?, ?)`),
    rowCols: p(`SELECT DISTINCT col FROM field_head WHERE tbl = ? AND row_id = ? ORDER BY col`),
    rowCount: p(`SELECT count(DISTINCT row_id) AS n FROM field_head WHERE tbl = ?`),
    multi: p(`SELECT tbl, row_id, col FROM field_head GROUP BY tbl, row_id, col HAVING count(*) > 1`),
    all: p(`SELECT DISTINCT tbl, row_id, col FROM field_head`),
    park: p(`INSERT OR IGNORE INTO sync_pending (op, tbl, row_id, col, hlc, value, base, schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    parked: p(`SELECT op, tbl, row_id, col, hlc, value, base, schema FROM sync_pending ORDER BY op, tbl, row_id, col`),
    unpark: p(`DELETE FROM sync_pending WHERE op = ? AND tbl = ? AND row_id = ? AND col = ?`),
    fork: p(`INSERT OR IGNORE INTO sync_fork (dev, seq, kept_hash, other_hash, other) VALUES (?, ?, ?, ?, ?)`),
    forks: p(`SELECT dev, seq, kept_hash, other_hash, other FROM sync_fork ORDER BY dev, seq`),
    file: p(`SELECT path, size, mtime_ms, state FROM sync_file WHERE path = ?`),
    setFile: p(`INSERT INTO sync_file (path, size, mtime_ms, state) VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, state = excluded.state`),
    clearFiles: p(`DELETE FROM sync_file`),
    gaps: p(`SELECT dev, from_seq, to_seq, path, tries, next_try FROM sync_gap ORDER BY dev, from_seq`),
    setGap: p(`INSERT INTO sync_gap (dev, from_seq, to_seq, path, tries, next_try) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(dev, from_seq) DO UPDATE SET to_seq = excluded.to_seq, path = excluded.path, tries = excluded.tries, next_try = excluded.next_try`),
    clearGap: p(`DELETE FROM sync_gap WHERE dev = ? AND from_seq = ?`)
  }
}

export type SqliteSyncStatements = ReturnType<typeof sqliteSyncStatements>
