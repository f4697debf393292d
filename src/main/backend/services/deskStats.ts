import { ApiError } from '../../../core/api/apiError'
import type { ApiInput } from '../../../core/api/contract'
import type { DeckDesk } from '../../../core/deck/deskSlides'
import { quarter, type Quarter } from '../../../core/goals/quarter'
import { deskTally } from '../../../core/listening/statsOfDesk'
import { waitedWithin } from '../../../core/listening/waitPause'
import type { DeskStats, DeskStatsEscalation, DeskStatsHandoff, DeskStatsTuple } from '../../../core/listening/statsTypes'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { deskClocksFresh } from './deskClocksFresh'
import { deskPolicyOf } from './deskPolicyOf'
import { localDay } from '../localDay'

type Period = { from: string; to: string }
/**
 * A row as SQLite returns it in array mode: day, type, sentiment, topic, state, the julian days of
 * occurred, first response, its due time, resolved and its due time, whether it is in the period (1/0)
 * and its escalation log.
 */
type RawRow = [string, string, string, string, string, number | null, number | null, number | null, number | null, number | null, number, string | null, string | null]

const DAY_MS = 86_400_000

/**
 * The listening desk's numbers (issue #16): the rows of the period read in one query with only the
 * columns the numbers need (due times from the local clock table, brought up to date first), then the
 * pure deskTally. Used by the Conversations dashboard and the quarterly deck.
 */
export function deskStats(b: Backend, input: ApiInput<'desk-stats'>): DeskStats {
  const period = periodOf(b, input)
  return statsFor(b, period)
}

/** What the deck's desk slides read: the quarter up to asOf, the whole previous quarter, and the targets at normal priority. */
export function deskDeckInput(b: Backend, qr: Quarter, asOf: string): DeckDesk | null {
  const prev = quarter.previous(qr)
  const current = statsFor(b, { from: qr.start, to: asOf < qr.end ? asOf : qr.end })
  const previous = statsFor(b, { from: prev.start, to: prev.end })
  if (current.total === 0 && previous.total === 0 && current.escalations === 0 && current.handoffs === 0) return null
  return { current, previous, targets: normalTargets(b) }
}

function statsFor(b: Backend, p: Period): DeskStats {
  deskClocksFresh(b)
  const fromAt = `${p.from}T00:00:00.000Z`
  const toAt = new Date(Date.parse(`${p.to}T00:00:00.000Z`) + DAY_MS).toISOString()
  // SQLite parses the times and hands back arrays, not objects: at 100,000 rows the row objects and
  // Date.parse calls were most of the time. julianday() reads any ISO form the records hold.
  // NOT INDEXED: conversations are stored in the order they arrived, not by date, so walking the date
  // index then fetching each row costs ten times a straight scan when the period holds most of them
  // (measured: 100k rows, 140 ms scanning vs 1.2 s through the index); a quarter of a 3-year workspace
  // scans in well under the dashboard's budget too.
  // The same scan brings the escalation logs (of any conversation: one from before the period may
  // escalate in it), instead of a second pass over the table for them.
  // Each time is parsed once (julianday), and the differences and comparisons made here: SQLite does
  // not reuse a repeated julianday(occurred_at), and the parsing was most of the query's time. The
  // arithmetic is the same IEEE arithmetic SQLite does, so the hours and the met flags are the same.
  const q = sql`
    SELECT substr(c.occurred_at, 1, 10), c.type, c.sentiment, c.topic, c.state,
           julianday(c.occurred_at), julianday(c.first_response_at), julianday(k.first_response_due_at),
           julianday(c.resolved_at), julianday(k.resolution_due_at),
           c.occurred_at >= ${fromAt} AND c.occurred_at < ${toAt},
           CASE WHEN c.escalations <> '[]' THEN c.escalations END,
           CASE WHEN c.waits <> '[]' THEN c.waits END
    FROM conversation c NOT INDEXED LEFT JOIN conversation_clock k ON k.id = c.id
    WHERE c.deleted_at IS NULL AND ((c.occurred_at >= ${fromAt} AND c.occurred_at < ${toAt}) OR c.escalations <> '[]')`
  const tally = deskTally(p.from, p.to)
  const escalations: DeskStatsEscalation[] = []
  const teams = new Map(b.db.raw.prepare('SELECT id, team FROM expert').raw(true).all() as [string, string][])
  // Row by row from the cursor: each array is counted and dropped, never all 100k held at once.
  for (const r of b.db.raw.prepare(q.text).raw(true).iterate(...q.values) as IterableIterator<RawRow>) {
    if (r[10] === 1) tally.add(asTuple(r))
    if (r[11] !== null) escalationsOf(r[11], teams, escalations)
  }
  return tally.finish(escalations, handoffsOf(b))
}

/**
 * The row turned into deskTally's shape in place (its first nine cells; an array per row is
 * what the numbers cost at 100k rows, so no second one is made): hours to each stopped clock, and
 * whether it stopped by its due time (null without one).
 */
function asTuple(r: RawRow): DeskStatsTuple {
  const [, , , , , occurred, first, firstDue, resolved, resolutionDue, , , waits] = r
  const cells: (string | number | null)[] = r
  cells[5] = first === null || occurred === null ? null : (first - occurred) * 24 - waitedHours(waits, occurred, first)
  cells[6] = first === null || firstDue === null ? null : first <= firstDue ? 1 : 0
  cells[7] = resolved === null || occurred === null ? null : (resolved - occurred) * 24 - waitedHours(waits, occurred, resolved)
  cells[8] = resolved === null || resolutionDue === null ? null : resolved <= resolutionDue ? 1 : 0
  return r
}

/** Julian day number of the Unix epoch: julianday() values to milliseconds. */
const UNIX_JD = 2440587.5
/** Hours between two julian days spent waiting for the author (none for most rows: no JSON to read). */
function waitedHours(waits: string | null, fromJd: number, toJd: number): number {
  return waits === null ? 0 : waitedWithin(waits, (fromJd - UNIX_JD) * DAY_MS, (toJd - UNIX_JD) * DAY_MS) / 3_600_000
}

/**
 * One conversation's logged escalations, each with the team of whom it went to. The logs are parsed
 * here and the team found in a map: json_each and a join per entry in SQLite cost more than the
 * dashboard's main read at 100k conversations.
 */
function escalationsOf(text: string, teams: Map<string, string>, out: DeskStatsEscalation[]): void {
  const log: unknown = JSON.parse(text)
  if (!Array.isArray(log)) return
  for (const e of log as unknown[]) {
    if (typeof e !== 'object' || e === null) continue
    const { at, toId } = e as { at?: unknown; toId?: unknown }
    if (typeof at === 'string') out.push({ at, team: (typeof toId === 'string' ? teams.get(toId) : undefined) ?? '' })
  }
}

function handoffsOf(b: Backend): DeskStatsHandoff[] {
  return b.db.all<{ at: string; outcome: string }>(sql`SELECT handed_at AS at, outcome FROM handoff WHERE deleted_at IS NULL`)
}

/** The response targets at normal priority, per type, from the desk settings in force (defaults until saved). */
function normalTargets(b: Backend): DeckDesk['targets'] {
  return deskPolicyOf(b)
    .policy.targets.filter((t) => t.priority === 'normal')
    .map(({ type, firstResponseHours, resolutionHours }) => ({ type, firstResponseHours, resolutionHours }))
}

/** The period asked for: a quarter, or from/to (each defaulting to the current quarter's bounds, capped at today). */
function periodOf(b: Backend, input: ApiInput<'desk-stats'>): Period {
  const today = localDay(b.now())
  if (input.quarter !== undefined) {
    const r = quarter.parse(input.quarter.trim())
    if (!r.ok) throw new ApiError('invalid_input', r.message, [{ path: ['quarter'], message: r.message }])
    return { from: r.quarter.start, to: r.quarter.end < today ? r.quarter.end : today < r.quarter.start ? r.quarter.end : today }
  }
  const q = quarter.containing(today)
  const from = input.from ?? q.start
  const to = input.to ?? today
  if (to < from) throw new ApiError('invalid_input', `The period ends (${to}) before it starts (${from})`, [{ path: ['to'], message: `Ends before ${from}` }])
  return { from, to }
}
