import { seededRandom } from '../src/core/demo/seededRandom'
import type { Backend } from '../src/main/backend/backend'
import { deskClocksFresh } from '../src/main/backend/services/deskClocksFresh'
import { deskStats } from '../src/main/backend/services/deskStats'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round = (v: number) => Math.round(v * 100) / 100
const HOUR = 3_600_000

const TYPES = ['question', 'complaint', 'praise', 'product_feedback', 'lead', 'press', 'crisis']
const SENTIMENTS = ['positive', 'neutral', 'negative']
const STATES = ['new', 'triaged', 'assigned', 'waiting', 'resolved', 'resolved', 'resolved']
const TOPICS = ['billing', 'sso', 'alerts', 'pricing', 'api', 'dbt', 'rbac', 'exports', 'onboarding', 'uptime', 'docs', 'mobile']

/**
 * Fills a workspace with `n` conversations spread over the quarter before `now` (straight into SQLite:
 * setting up a bench is not what it measures), about a third escalated once, with experts in four teams.
 */
export function seedDeskConversations(b: Backend, n: number, now: number): void {
  const r = seededRandom(16, 'desk-dashboard-bench')
  const rnd = r.next
  const pick = r.pick
  const teams = ['Support', 'Engineering', 'Product', 'Legal']
  const experts = teams.map((team, i) => ({ id: `BENCHEXPERT${String(i).padStart(15, '0')}`, team }))
  const stamp = new Date(now).toISOString()
  b.db.tx(() => {
    const ex = b.db.raw.prepare('INSERT INTO expert (id, name, team, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    for (const e of experts) ex.run(e.id, `${e.team} lead`, e.team, stamp, stamp)
    const ins = b.db.raw.prepare(
      `INSERT INTO conversation (id, occurred_at, author, summary, type, sentiment, state, priority, topic, first_response_at, resolved_at, escalation_level, escalations, resolution, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (let i = 0; i < n; i++) {
      const at = now - rnd() * 90 * 24 * HOUR
      const state = pick(STATES)
      const answered = state !== 'new' && state !== 'triaged'
      const first = answered ? new Date(at + rnd() * 30 * HOUR).toISOString() : null
      const resolved = state === 'resolved' ? new Date(at + (30 + rnd() * 90) * HOUR).toISOString() : null
      const escalated = rnd() < 0.33
      const to = pick(experts)
      const escalations = escalated ? JSON.stringify([{ level: 1, at: new Date(at + 10 * HOUR).toISOString(), fromId: null, toId: to.id, byId: null, reason: 'Breached' }]) : '[]'
      const id = `BENCHCONV${String(i).padStart(17, '0')}`
      ins.run(id, new Date(at).toISOString(), `Author ${i % 997}`, `Conversation ${i}`, pick(TYPES), pick(SENTIMENTS), state, pick(TOPICS), first, resolved, escalated ? 1 : 0, escalations, resolved === null ? '' : 'Answered', stamp, stamp)
    }
    const ho = b.db.raw.prepare('INSERT INTO handoff (id, conversation_id, last_name, company, handed_at, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    for (let i = 0; i < n / 50; i++) ho.run(`BENCHHANDOFF${String(i).padStart(14, '0')}`, `BENCHCONV${String(i).padStart(17, '0')}`, 'Lead', 'Acme', new Date(now - rnd() * 90 * 24 * HOUR).toISOString(), pick(['open', 'exported', 'opportunity', 'customer']), stamp, stamp)
  })
}

/**
 * The Conversations dashboard (issue #16 "Numbers"): desk-stats for the quarter at 100,000
 * conversations, read and computed on the backend and serialised as the API sends it. Clocks are
 * brought up to date once first (that is the recompute bench's figure, not this one's).
 */
export function deskDashboardCase(b: Backend, n: number): BenchResult {
  deskClocksFresh(b)
  const today = new Date(b.now()).toISOString().slice(0, 10)
  const times: number[] = []
  let total = 0
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now()
    const s = deskStats(b, { from: new Date(b.now() - 91 * 24 * HOUR).toISOString().slice(0, 10), to: today })
    JSON.stringify(s)
    times.push(performance.now() - t0)
    total = s.total
  }
  if (total < n * 0.9) throw new Error(`the dashboard counted ${total} of ${n} conversations`)
  return { name: `desk: Conversations dashboard numbers (${n.toLocaleString('en-US')} conversations)`, value: round(median(times)), unit: 'ms', target: '≤ 300 ms', note: `median of ${times.length}, one quarter, serialised` }
}
