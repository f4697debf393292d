import { migration } from './migration'

/**
 * Bulk creation records (bulkCreations.ts) may hold a column whose value is the same on every row of
 * the chunk once, as `{"c": value}`, instead of an index per row: most of an import's fields are the
 * same or empty on every row, and those indexes were ~30 % of the record's bytes and of the time to
 * write it. No table changes; the version says the log may hold such records, so an older app, which
 * could not read them, refuses the workspace by its version instead of misreading its history.
 */
export default migration({
  version: 20,
  name: 'import: bulk creation records may hold a column once when every row has its value',
  up: () => {}
})
