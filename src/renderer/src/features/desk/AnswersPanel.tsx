import { useMemo, useState } from 'react'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { format } from '../../components/format'
import { RecordTable } from '../records/RecordTable'
import { useNames } from '../records/useNames'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { localZone } from '../../components/formValues'

type Answer = KindRecord<'approvedAnswer'>

const fields: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', input: 'text' },
  { name: 'topic', label: 'Topic', input: 'text' },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member', help: 'Who keeps this answer true.' },
  { name: 'language', label: 'Language', input: 'text' },
  { name: 'reviewBy', label: 'Review by', input: 'date', help: 'Past this day the answer is flagged stale wherever it is offered.' },
  { name: 'reviewedAt', label: 'Last reviewed', input: 'date' },
  { name: 'active', label: 'Offered in replies', input: 'checkbox' },
  { name: 'text', label: 'Answer text', input: 'textarea', wide: true }
]

/** The library of reviewed responses per topic, with owner and review date; stale ones flagged in words. */
export function AnswersPanel() {
  const members = useNames('member')
  const [today] = useState(() => calendarDates.todayIn(Date.now(), localZone()))
  const columns = useMemo<DataColumn<Answer>[]>(
    () => [
      col.text('title', 'Title', (a) => a.title, { width: 240 }),
      col.text('topic', 'Topic', (a) => a.topic, { width: 130 }),
      col.ref('owner', 'Owner', (a) => a.ownerId, members.map, { width: 150 }),
      {
        ...col.date('reviewBy', 'Review by', (a) => a.reviewBy, { width: 190 }),
        render: (a) =>
          a.reviewBy < today ? (
            <span className="badge badge-warn" data-stale="true">
              <span aria-hidden="true">⚠ </span>Stale since {format.date(a.reviewBy)}
            </span>
          ) : (
            format.date(a.reviewBy)
          )
      },
      col.date('reviewedAt', 'Last reviewed', (a) => a.reviewedAt, { width: 130 }),
      col.text('language', 'Language', (a) => a.language, { width: 100 }),
      col.bool('active', 'Offered', (a) => a.active, { width: 90 }),
      col.text('text', 'Answer', (a) => a.text, { width: 320, hidden: true })
    ],
    [members.map, today]
  )
  return (
    <RecordTable kind="approvedAnswer" tableId="answers" columns={columns} fields={fields} refOptions={{ member: members.options }} initialSort={[{ id: 'reviewBy', desc: false }]} presets={{ reviewBy: nextQuarterDay(today) }} />
  )
}

/** A new answer's default review date: three months on. */
function nextQuarterDay(today: string): string {
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 3)
  return d.toISOString().slice(0, 10)
}
