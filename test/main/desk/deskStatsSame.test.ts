import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/core/demo/seededRandom'
import { statsOfDesk } from '../../../src/core/listening/statsOfDesk'
import type { DeskStats, DeskStatsEscalation, DeskStatsRow } from '../../../src/core/listening/statsTypes'
import type { Backend } from '../../../src/main/backend/backend'
import { deskClocksFresh } from '../../../src/main/backend/services/deskClocksFresh'
import { deskStats } from '../../../src/main/backend/services/deskStats'
import { tempBackend } from '../helpers/tempWorkspace'

// The dashboard's numbers are read in one scan, row arrays folded as they come, hours worked out from
// julian days in JavaScript and medians selected rather than sorted. This checks that path against the
// first one — one object per row, hours computed by SQLite, a separate pass for the escalation logs,
// statsOfDesk over all rows — on a generated set with the awkward cases: times with offsets and without
// milliseconds, conversations before the period that escalate in it, unknown experts, blank topics,
// deleted rows, missing due times.
const NOW = Date.parse('2026-11-20T12:00:00Z')
const HOUR = 3_600_000
let b: Backend
let cleanup: () => void
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => NOW))
})
afterEach(() => cleanup())

function seed(n: number): void {
  const r = seededRandom(7, 'desk-stats-same')
  const iso = (ms: number): string => {
    const form = r.next()
    if (form < 0.15) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
    if (form < 0.3) return new Date(ms + 2 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+02:00')
    return new Date(ms).toISOString()
  }
  const experts = ['Support', 'Engineering', '', 'Legal'].map((team, i) => ({ id: `SAMEEXPERT${String(i).padStart(16, '0')}`, team }))
  b.db.tx(() => {
    const ex = b.db.raw.prepare('INSERT INTO expert (id, name, team, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    for (const e of experts) ex.run(e.id, `${e.team || 'Someone'} lead`, e.team, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
    const ins = b.db.raw.prepare(
      `INSERT INTO conversation (id, occurred_at, author, summary, type, sentiment, state, priority, topic, first_response_at, resolved_at, escalation_level, escalations, resolution, created_at, updated_at, deleted_at)
       VALUES (?, ?, 'Author', 'Summary', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`
    )
    for (let i = 0; i < n; i++) {
      // Two quarters back to a few days ahead of the period's end, so some fall outside it on each side.
      const at = NOW - r.next() * 200 * 24 * HOUR + 5 * 24 * HOUR
      const state = r.pick(['new', 'triaged', 'assigned', 'waiting', 'resolved', 'resolved'])
      const answered = state !== 'new' && state !== 'triaged'
      const log = r.next() < 0.4 ? Array.from({ length: 1 + Math.floor(r.next() * 3) }, (_, k) => ({ level: k + 1, at: iso(at + (k + 1) * 40 * 24 * HOUR * r.next()), fromId: null, toId: r.next() < 0.1 ? 'GONE' : r.pick(experts).id, byId: null, reason: 'Breached' })) : []
      ins.run(
        `SAMECONV${String(i).padStart(18, '0')}`, iso(at), r.pick(['question', 'complaint', 'praise', 'lead', 'press', 'crisis']), r.pick(['positive', 'neutral', 'negative']), state,
        r.pick(['low', 'normal', 'high', 'urgent']), r.pick(['billing', ' sso ', '', 'api', 'Pricing', '  ']),
        answered ? iso(at + r.next() * 40 * HOUR) : null, state === 'resolved' ? iso(at + (20 + r.next() * 100) * HOUR) : null,
        log.length, JSON.stringify(log), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', r.next() < 0.05 ? '2026-06-01T00:00:00.000Z' : null
      )
    }
  })
}

/** The first dashboard read, kept here as the reference. */
function firstWay(from: string, to: string): DeskStats {
  deskClocksFresh(b)
  const fromAt = `${from}T00:00:00.000Z`
  const toAt = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString()
  type Raw = [string, string, string, string, string, number | null, number | null, number | null, number | null]
  const raw = b.db.raw
    .prepare(
      `SELECT substr(c.occurred_at, 1, 10), c.type, c.sentiment, c.topic, c.state,
              (julianday(c.first_response_at) - julianday(c.occurred_at)) * 24,
              CASE WHEN c.first_response_at IS NULL OR k.first_response_due_at IS NULL THEN NULL ELSE julianday(c.first_response_at) <= julianday(k.first_response_due_at) END,
              (julianday(c.resolved_at) - julianday(c.occurred_at)) * 24,
              CASE WHEN c.resolved_at IS NULL OR k.resolution_due_at IS NULL THEN NULL ELSE julianday(c.resolved_at) <= julianday(k.resolution_due_at) END
       FROM conversation c LEFT JOIN conversation_clock k ON k.id = c.id
       WHERE c.deleted_at IS NULL AND c.occurred_at >= ? AND c.occurred_at < ?`
    )
    .raw(true)
    .all(fromAt, toAt) as Raw[]
  const rows: DeskStatsRow[] = raw.map((r) => ({
    day: r[0], type: r[1], sentiment: r[2], topic: r[3], state: r[4],
    firstResponseHours: r[5], firstResponseMet: r[6] === null ? null : r[6] === 1,
    resolutionHours: r[7], resolutionMet: r[8] === null ? null : r[8] === 1
  }))
  const teams = new Map(b.db.raw.prepare('SELECT id, team FROM expert').raw(true).all() as [string, string][])
  const escalations: DeskStatsEscalation[] = []
  for (const text of b.db.raw.prepare("SELECT escalations FROM conversation WHERE deleted_at IS NULL AND escalations <> '[]'").pluck(true).all() as string[])
    for (const e of JSON.parse(text) as { at: string; toId: string }[]) escalations.push({ at: e.at, team: teams.get(e.toId) ?? '' })
  const handoffs = b.db.raw.prepare('SELECT handed_at AS at, outcome FROM handoff WHERE deleted_at IS NULL').all() as { at: string; outcome: string }[]
  return statsOfDesk({ rows, escalations, handoffs, from, to })
}

describe('desk-stats read path', () => {
  it('gives the same numbers as reading every row as an object and computing hours in SQLite', () => {
    seed(3000)
    for (const [from, to] of [['2026-08-22', '2026-11-20'], ['2026-07-01', '2026-09-30'], ['2026-01-01', '2026-12-31'], ['2026-11-20', '2026-11-20']] as const) {
      const now = deskStats(b, { from, to })
      expect(now.total, `${from}…${to}`).toBeGreaterThan(0)
      expect(now, `${from}…${to}`).toEqual(firstWay(from, to))
    }
    // Not vacuous: escalations from before a period counted in it, and blank topics and teams present.
    const q = deskStats(b, { from: '2026-10-01', to: '2026-11-20' })
    expect(q.escalations).toBeGreaterThan(0)
    expect(q.escalationsByTeam.map((t) => t.team)).toContain('No team')
    expect(q.topics.map((t) => t.name)).toContain('No topic')
  })
})
