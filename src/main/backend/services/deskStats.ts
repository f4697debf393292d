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
type ClockRow = {
  occurred_at: string
  type: string
  sentiment: string
  topic: string
  state: string
  first_response_at: string | null
  resolved_at: string | null
  first_response_due_at: string | null
  resolution_due_at: string | null
}

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
  const rows = b.db.all<ClockRow>(sql`
    SELECT c.occurred_at, c.type, c.sentiment, c.topic, c.state, c.first_response_at, c.resolved_at,
           k.first_response_due_at, k.resolution_due_at
    FROM conversation c LEFT JOIN conversation_clock k ON k.id = c.id
    WHERE c.deleted_at IS NULL AND c.occurred_at >= ${fromAt} AND c.occurred_at < ${toAt}`)
  const statsRows: DeskStatsRow[] = rows.map((r) => ({
    occurredAt: r.occurred_at,
    type: r.type,
    sentiment: r.sentiment,
    topic: r.topic,
    state: r.state,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    firstResponseDueAt: r.first_response_due_at,
    resolutionDueAt: r.resolution_due_at
  }))
  return statsOfDesk({ rows: statsRows, escalations: escalationsOf(b), handoffs: handoffsOf(b), from: p.from, to: p.to })
}

/** Every logged escalation (the log lives on its conversation), with the team of whom it went to. */
function escalationsOf(b: Backend): DeskStatsEscalation[] {
  const teams = new Map(b.db.all<{ id: string; team: string }>(sql`SELECT id, team FROM expert`).map((e) => [e.id, e.team]))
  const out: DeskStatsEscalation[] = []
  for (const r of b.db.all<{ escalations: string }>(sql`SELECT escalations FROM conversation WHERE deleted_at IS NULL AND escalations <> '[]'`)) {
    const list = JSON.parse(r.escalations) as { at: string; toId: string | null }[]
    for (const e of list) out.push({ at: e.at, team: e.toId === null ? '' : (teams.get(e.toId) ?? '') })
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
