import { labelOf } from '../../../../core/domain/enums'
import { format } from '../../components/format'

type Item = { status: string; dueDate: string | null; plannedDate: string | null }

/**
 * The line under an item in My work: "In review · due Nov 14, 2026", and "· overdue" when `lateFrom`
 * (today) is given and the due date is before it — an approval waiting since before its due date
 * read like one due next week (the Overdue section only holds items I own, not those I approve).
 */
export function mineItemLine(i: Item, lateFrom?: string): string {
  const when = i.dueDate ? ` · due ${format.date(i.dueDate)}` : i.plannedDate ? ` · planned ${format.date(i.plannedDate)}` : ''
  const late = lateFrom !== undefined && i.dueDate !== null && i.dueDate < lateFrom ? ' · overdue' : ''
  return `${labelOf(i.status)}${when}${late}`
}
