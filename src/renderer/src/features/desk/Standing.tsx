import { format } from '../../components/format'
import type { InboxRow } from './useInbox'

type Clocked = Pick<InboxRow, 'breached' | 'aboutToBreach'> & { state: string }

/** Sort key of a conversation's standing: overdue first, then about to breach, then the rest. */
export function standingRank(r: Clocked): number {
  return r.breached ? 2 : r.aboutToBreach ? 1 : 0
}

/**
 * Overdue and about-to-breach in words and a symbol as well as colour (WCAG 1.4.1), the same mark in
 * the inbox, the detail panel and My work.
 */
export function Standing({ row }: { row: Clocked }) {
  if (row.state === 'resolved') return null
  if (row.breached)
    return (
      <span className="badge badge-danger desk-standing" data-standing="overdue">
        <span aria-hidden="true">⚠ </span>Overdue
      </span>
    )
  if (row.aboutToBreach)
    return (
      <span className="badge badge-warn desk-standing" data-standing="soon">
        <span aria-hidden="true">◔ </span>Due soon
      </span>
    )
  // Waiting for the author stops the clocks (a breach from before the wait still shows as overdue).
  if (row.state === 'waiting')
    return (
      <span className="badge desk-standing" data-standing="paused">
        <span aria-hidden="true">❚❚ </span>Paused
      </span>
    )
  return null
}

/**
 * A due time, marked "late" when its clock breached and "met" once it stopped in time. While the
 * conversation waits for its author a clock that had not run out is stopped: it says so, and since when.
 */
export function DueCell({ at, breached, done, waitingSince = null }: { at: string | null; breached: boolean; done: boolean; waitingSince?: string | null }) {
  if (at === null && waitingSince !== null && !done)
    return (
      <span className="desk-due-paused" data-paused="true">
        Paused — waiting since {format.datetime(waitingSince)}
      </span>
    )
  if (at === null) return <span className="subtle">No target</span>
  return (
    <span className={breached ? 'desk-due-late' : undefined}>
      {format.datetime(at)}
      {breached ? ' · late' : done ? ' · met' : ''}
    </span>
  )
}
