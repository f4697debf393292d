import { migration } from './migration'

/**
 * A 100k-row import through `smo import` (issue #15: ≤ 3× a raw split-and-INSERT). Its creations are
 * logged as bulk creation records (mutate.ts, `BULK_COL`): one change record per chunk of up to 2,000
 * rows, holding their ids and values, instead of one record per row, each with its own two index
 * entries. Such a record's `row_id` is the chunk's smallest id and `row_last` its largest, so "which
 * op created this record?" (history, undo's base, sync review) is a range look-up in this partial
 * index, which stays as small as the number of chunks. Older records leave `row_last` NULL.
 */
export default migration({
  version: 19,
  name: 'import: bulk creation records, found by their id range',
  up: (db) => {
    db.exec(`
ALTER TABLE change_record ADD COLUMN row_last TEXT;
CREATE INDEX change_record_bulk ON change_record (tbl, row_last) WHERE col = '+';
`)
  }
})
