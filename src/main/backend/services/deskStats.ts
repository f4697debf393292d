import { ApiError } from '../../../core/api/apiError'
import type { ApiInput } from '../../../core/api/contract'
import type { DeckDesk } from '../../../core/deck/deskSlides'
import { quarter, type Quarter } from '../../../core/goals/quarter'
import { statsOfDesk } from '../../../core/listening/statsOfDesk'
import type { DeskStats, DeskStatsEscalation, DeskStatsHandoff, DeskStatsRow } from '../../../core/listening/statsTypes'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { deskClocksFresh } from './deskClocksFresh'
import { deskPolicyOf } from './deskPolicyOf'

type Period = { from: string; to: string }
/** A row as SQLite returns it in array mode: day, type, sentiment, topic, state, then hours and met per clock. */
type RawRow = [string, string, string, string, string, number | null, number | null, number | null, number | null]

const DAY_MS = 86_400_000

/**
 * The listening desk's numbers (issue #16): the rows of the period read in one query with only the
 * columns the numbers need (due times from the local clock table, brought up to date first), then the
 * pure statsOfDesk. Used by the Conversations dashboard and the quarterly deck.
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
  // SQLite does the date arithmetic and hands back arrays, not objects: at 100,000 rows the row objects
  // and Date.parse calls were most of the time. julianday() reads any ISO form the records hold.
  // NOT INDEXED: conversations are stored in the order they arrived, not by date, so walking the date
  // index then fetching each row costs ten times a straight scan when the period holds most of them
  // (measured: 100k rows, 140 ms scanning vs 1.2 s through the index); a quarter of a 3-year workspace
  // scans in well under the dashboard's budget too.
  const q = sql`
    SELECT substr(c.occurred_at, 1, 10), c.type, c.sentiment, c.topic, c.state,
           (julianday(c.first_response_at) - julianday(c.occurred_at)) * 24,
           CASE WHEN c.first_response_at IS NULL OR k.first_response_due_at IS NULL THEN NULL
                ELSE julianday(c.first_response_at) <= julianday(k.first_response_due_at) END,
           (julianday(c.resolved_at) - julianday(c.occurred_at)) * 24,
           CASE WHEN c.resolved_at IS NULL OR k.resolution_due_at IS NULL THEN NULL
                ELSE julianday(c.resolved_at) <= julianday(k.resolution_due_at) END
    FROM conversation c NOT INDEXED LEFT JOIN conversation_clock k ON k.id = c.id
    WHERE c.deleted_at IS NULL AND c.occurred_at >= ${fromAt} AND c.occurred_at < ${toAt}`
  const raw = b.db.raw.prepare(q.text).raw(true).all(...q.values) as RawRow[]
  const statsRows: DeskStatsRow[] = raw.map((r) => ({
    day: r[0],
    type: r[1],
    sentiment: r[2],
    topic: r[3],
    state: r[4],
    firstResponseHours: r[5],
    firstResponseMet: r[6] === null ? null : r[6] === 1,
    resolutionHours: r[7],
    resolutionMet: r[8] === null ? null : r[8] === 1
  }))
  return statsOfDesk({ rows: statsRows, escalations: escalationsOf(b), handoffs: handoffsOf(b), from: p.from, to: p.to })
}

/**
 * Every logged escalation (the log lives on its conversation), with the team of whom it went to. The
 * logs are parsed here and the team found in a map: json_each and a join per entry in SQLite cost more
 * than the dashboard's main read at 100k conversations.
 */
function escalationsOf(b: Backend): DeskStatsEscalation[] {
  const teams = new Map(b.db.raw.prepare('SELECT id, team FROM expert').raw(true).all() as [string, string][])
  const logs = b.db.raw.prepare("SELECT escalations FROM conversation WHERE deleted_at IS NULL AND escalations <> '[]'").pluck(true).all() as string[]
  const out: DeskStatsEscalation[] = []
  for (const text of logs) {
    const log: unknown = JSON.parse(text)
    if (!Array.isArray(log)) continue
    for (const e of log as unknown[]) {
      if (typeof e !== 'object' || e === null) continue
      const { at, toId } = e as { at?: unknown; toId?: unknown }
      if (typeof at === 'string') out.push({ at, team: (typeof toId === 'string' ? teams.get(toId) : undefined) ?? '' })
    }
  }
  return out
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
  const today = new Date(b.now()).toISOString().slice(0, 10)
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
