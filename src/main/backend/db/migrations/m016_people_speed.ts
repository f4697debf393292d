import { migration } from './migration'

/**
 * My work at 100k items (issue #14: ≤ 50 ms). "Due this week" and "overdue" read my open items due
 * up to the week's end. The owner index alone made that a walk over every item the member ever
 * owned (three years of published ones included) to filter status and due date; this partial,
 * expression index holds only open items, keyed by owner and due date, so the read is a range.
 * Its WHERE and expression match the query in people/myWork.ts word for word, as SQLite requires.
 */
export default migration({
  version: 16,
  name: 'people: index of open content items by owner and due date',
  up: (db) => {
    db.exec(`
CREATE INDEX content_owner_open_due ON content_item (owner_id, coalesce(due_date, planned_date))
  WHERE status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled') AND deleted_at IS NULL;
`)
  }
})
