import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiOutput, ApiResult } from '../../../src/core/api/contract'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatch } from '../../../src/main/backend/dispatch'
import { handleKey } from '../../../src/main/backend/services/scoringDuplicates'
import { tempBackend } from '../helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-11-23T10:00:00Z')
beforeEach(async () => {
  clock = Date.parse('2026-11-23T10:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
})
afterEach(() => cleanup())

type Rec = { id: string } & Record<string, unknown>

async function ok<T = Rec>(method: string, input: unknown): Promise<T> {
  const r = (await dispatch(b, method, input)) as ApiResult<T>
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data
}
async function fails(method: string, input: unknown) {
  const r = await dispatch(b, method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}
const count = (table: 'pin' | 'channel' | 'score_snapshot' | 'change_tx') => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(table)}`)?.n ?? -1

/** A small team: two goals this quarter (one lower-is-better), three channels, a published result. */
async function seed() {
  await ok('member-create', { name: 'Ana', weeklyCapacityHours: 30 })
  await ok('member-create', { name: 'Ben', weeklyCapacityHours: 10 })
  await ok('member-create', { name: 'Old', weeklyCapacityHours: 40, active: false })
  const leads = await ok('goal-create', { objective: 'Pipeline', driver: 'revenue', kpiName: 'Leads', target: 100, baseline: 0, quarter: '2026-Q4', weight: 3 })
  const reply = await ok('goal-create', { objective: 'Answer fast', driver: 'customer_care', kpiName: 'Hours to first reply', target: 4, baseline: 24, quarter: '2026-Q4', weight: 1 })
  const oldLeads = await ok('goal-create', { objective: 'Pipeline', driver: 'revenue', kpiName: 'Leads', target: 80, baseline: 0, quarter: '2026-Q3' })
  await ok('measurement-create', { goalId: leads.id, date: '2026-11-01', value: 20 })
  await ok('measurement-create', { goalId: leads.id, date: '2026-11-15', value: 40 })
  await ok('measurement-create', { goalId: reply.id, date: '2026-11-15', value: 14 })
  const blog = await ok('channel-create', {
    name: 'Blog', platform: 'blog', handle: 'https://Example.com/blog/', audienceSize: 10_000, cadencePerWeek: 2, hoursPerPost: 4, confidence: 0.5,
    goalLinks: [{ goalId: leads.id, rate: 1 }], estimatesUpdatedAt: '2026-10-01'
  })
  const li = await ok('channel-create', {
    name: 'LinkedIn', platform: 'linkedin', handle: '@acme', audienceSize: 5_000, cadencePerWeek: 3, hoursPerPost: 1, confidence: 0.6,
    goalLinks: [{ goalId: leads.id, rate: 0.5 }, { goalId: reply.id, rate: 0.2 }], estimatesUpdatedAt: '2026-06-01'
  })
  const copy = await ok('channel-create', { name: 'Blog (import)', platform: 'blog', handle: 'example.com/BLOG', status: 'paused', cadencePerWeek: 0 })
  // Last quarter's result on the blog: 40 leads from 10,000 reached (4 per 1,000 against an estimate of 1).
  await ok('content-create', { title: 'Report', channelId: blog.id, goalId: oldLeads.id, status: 'published', plannedDate: '2026-09-10', resultReach: 10_000, resultConversions: 40 })
  return { leads, reply, blog, li, copy }
}

describe('scoring inputs from the workspace', () => {
  it('uses the latest measurement, turns lower-is-better goals around, and sums active members', async () => {
    const s = await seed()
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(list.quarter).toBe('2026-Q4')
    expect(list.capacityFromMembers).toBe(40)
    expect(list.activeMembers).toBe(2)
    const leads = list.goals.find((g) => g.id === s.leads.id)
    expect(leads).toMatchObject({ current: 40, target: 100, lowerIsBetter: false, measuredOn: '2026-11-15' })
    // 24 h → 4 h target with 14 h now: a reduction of 10 out of 20 needed.
    const reply = list.goals.find((g) => g.id === s.reply.id)
    expect(reply).toMatchObject({ lowerIsBetter: true, target: 20, current: 10, baseline: 0, measured: 14 })
    expect(list.goals.map((g) => g.id)).not.toContain(undefined)
    expect(list.goals).toHaveLength(2)
  })

  it('calibrates with published results, mapping last quarter\'s goal to this quarter\'s by KPI', async () => {
    const s = await seed()
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    const cal = list.calibration.find((c) => c.channelId === s.blog.id)
    const rate = cal?.rates.find((r) => r.goalId === s.leads.id)
    expect(rate?.estimate).toBe(1)
    expect(rate?.observed).toBeCloseTo(4)
    expect(rate?.blended).toBeGreaterThan(1)
    expect(rate?.blended).toBeLessThan(4)
    expect(cal?.confidence.calibrated).toBeGreaterThan(0.5)
    expect(list.inputs.channels.find((c) => c.id === s.blog.id)?.links[0]?.rate).toBeCloseTo(rate?.blended ?? 0)
  })

  it('ranks with readable breakdowns, flags duplicates and stale estimates, never NaN', async () => {
    const s = await seed()
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(list.channels.map((c) => c.rank)).toEqual([1, 2, 3])
    for (const c of list.channels) expect(Number.isFinite(c.score) && Number.isFinite(c.impact)).toBe(true)
    expect(list.channels.at(-1)?.id).toBe(s.copy.id)
    const dupIds = list.duplicates.map((d) => d.channelId).sort()
    expect(dupIds).toEqual([s.blog.id, s.copy.id].sort())
    expect(list.channels.find((c) => c.id === s.blog.id)?.flags).toContain('duplicate')
    expect(list.channels.find((c) => c.id === s.li.id)?.flags).not.toContain('duplicate')
    expect(list.stale.map((x) => x.id)).toEqual([s.li.id])
    expect(list.channels.find((c) => c.id === s.li.id)?.explanation).toMatch(/after 175 days without review/)
    const dup = await ok<ApiOutput<'channel-duplicates'>>('channel-duplicates', {})
    expect(dup.items).toHaveLength(2)
    // Retiring the copy is what the warning asks for: it clears it, on both reads.
    await ok('channel-update', { id: s.copy.id, status: 'retired' })
    expect((await ok<ApiOutput<'channel-duplicates'>>('channel-duplicates', {})).items).toEqual([])
    expect((await ok<ApiOutput<'score-list'>>('score-list', {})).duplicates).toEqual([])
    expect(handleKey('x', ' https://www.X.com/acme// ')).toBe('x:x.com/acme')
    expect(handleKey('x', '   ')).toBeNull()
  })

  it('re-ranks with what-if weights without saving them, and saves all weights in one change', async () => {
    const s = await seed()
    const base = await ok<ApiOutput<'score-list'>>('score-list', {})
    const txBefore = count('change_tx')
    const whatIf = await ok<ApiOutput<'score-list'>>('score-list', { weights: [{ goalId: s.leads.id, weight: 0 }, { goalId: s.reply.id, weight: 5 }] })
    expect(whatIf.channels[0]?.id).toBe(s.li.id)
    expect(base.channels[0]?.id).toBe(s.blog.id)
    expect(count('change_tx')).toBe(txBefore)
    await ok('score-weights-save', { weights: [{ goalId: s.leads.id, weight: 0 }, { goalId: s.reply.id, weight: 5 }] })
    expect(count('change_tx')).toBe(txBefore + 1)
    const after = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(after.channels[0]?.id).toBe(s.li.id)
    expect(after.goals.find((g) => g.id === s.reply.id)?.weight).toBe(5)
  })

  it('refuses bad weights field by field and saves nothing', async () => {
    const s = await seed()
    const tx = count('change_tx')
    const e1 = await fails('score-weights-save', { weights: [{ goalId: s.leads.id, weight: Number.POSITIVE_INFINITY }] })
    expect(e1.code).toBe('invalid_input')
    expect(e1.issues[0]?.path).toEqual(['weights', 0, 'weight'])
    const e2 = await fails('score-weights-save', { weights: [{ goalId: s.leads.id, weight: 2 }, { goalId: '01J00000000000000000000000', weight: 1 }] })
    expect(e2.issues).toEqual([{ path: ['weights', 1, 'goalId'], message: 'No goal with id 01J00000000000000000000000' }])
    expect((await fails('score-list', { weights: [{ goalId: s.leads.id, weight: -1 }] })).issues[0]?.path).toEqual(['weights', 0, 'weight'])
    expect((await fails('score-allocate', { capacityHours: -5 })).issues[0]?.path).toEqual(['capacityHours'])
    expect(count('change_tx')).toBe(tx)
    expect((await ok<ApiOutput<'goal-get'>>('goal-get', { id: s.leads.id })).weight).toBe(3)
  })

  it('refuses negative hours, rates and audiences and confidence outside 0.1–1, field by field', async () => {
    const s = await seed()
    const channels = count('channel')
    const e = await fails('channel-create', { name: 'Bad', platform: 'x', audienceSize: -1, hoursPerPost: -2, confidence: 1.5, goalLinks: [{ goalId: s.leads.id, rate: -0.1 }] })
    const paths = e.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['audienceSize', 'hoursPerPost', 'confidence', 'goalLinks.0.rate']))
    expect(e.issues.find((i) => i.path[0] === 'confidence')?.message).toBe('Confidence runs from 0.1 to 1')
    expect(count('channel')).toBe(channels)
    expect((await fails('channel-update', { id: s.blog.id, confidence: 0.05 })).issues[0]?.path).toEqual(['confidence'])
  })
})

describe('estimate dates', () => {
  it('are stamped when an estimate changes, kept when only the name changes, and a typed date wins', async () => {
    const s = await seed()
    expect((await ok<Rec>('channel-update', { id: s.blog.id, name: 'Company blog' })).estimatesUpdatedAt).toBe('2026-10-01')
    clock = Date.parse('2026-12-02T09:00:00Z')
    expect((await ok<Rec>('channel-update', { id: s.blog.id, audienceSize: 12_000 })).estimatesUpdatedAt).toBe('2026-12-02')
    expect((await ok<Rec>('channel-update', { id: s.li.id, goalLinks: [{ goalId: s.leads.id, rate: 0.7 }] })).estimatesUpdatedAt).toBe('2026-12-02')
    expect((await ok<Rec>('channel-update', { id: s.li.id, confidence: 0.9, estimatesUpdatedAt: '2026-11-30' })).estimatesUpdatedAt).toBe('2026-11-30')
    const fresh = await ok<Rec>('channel-create', { name: 'New', platform: 'x' })
    expect(fresh.estimatesUpdatedAt).toBe('2026-12-02')
  })
})

describe('pins', () => {
  it('need a written reason and a minimum or an exclusion; one per channel; nothing saved on error', async () => {
    const s = await seed()
    const empty = await fails('pin-create', { channelId: s.blog.id, minHours: 3, reason: '   ' })
    expect(empty.issues).toEqual([{ path: ['reason'], message: 'Write down why: the reason is shown beside the score' }])
    expect((await fails('pin-create', { channelId: s.blog.id, minHours: 3 })).issues[0]).toEqual({ path: ['reason'], message: 'Required' })
    expect((await fails('pin-create', { channelId: s.blog.id, reason: 'why' })).issues[0]?.path).toEqual(['minHours'])
    expect((await fails('pin-create', { channelId: s.blog.id, minHours: -1, reason: 'why' })).issues[0]?.path).toEqual(['minHours'])
    expect(count('pin')).toBe(0)
    await ok('pin-create', { channelId: s.blog.id, minHours: 3, reason: 'Board asked for it' })
    expect((await fails('pin-create', { channelId: s.blog.id, exclude: true, reason: 'again' })).issues[0]?.path).toEqual(['channelId'])
    expect(count('pin')).toBe(1)
  })

  it('are honoured by the allocation: minimums held, exclusions at 0, capacity never exceeded', async () => {
    const s = await seed()
    const free = await ok<ApiOutput<'score-allocate'>>('score-allocate', { capacityHours: 12 })
    expect(free.allocation.allocatedHours).toBeLessThanOrEqual(12)
    await ok('pin-create', { channelId: s.blog.id, exclude: true, reason: 'Rewriting the blog; no new posts this month' })
    await ok('pin-create', { channelId: s.copy.id, minHours: 2, reason: 'Keep the imported page answered' })
    const pinned = await ok<ApiOutput<'score-allocate'>>('score-allocate', { capacityHours: 12 })
    const row = (id: string) => pinned.allocation.channels.find((c) => c.id === id)
    expect(row(s.blog.id)).toMatchObject({ hours: 0, excluded: true })
    expect(row(s.blog.id)?.pin?.reason).toBe('Rewriting the blog; no new posts this month')
    expect(row(s.copy.id)?.hours).toBeGreaterThanOrEqual(2)
    expect(pinned.allocation.allocatedHours).toBeLessThanOrEqual(12)
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(list.pins.map((p) => p.reason).sort()).toEqual(['Keep the imported page answered', 'Rewriting the blog; no new posts this month'])
  })
})

describe('snapshots and rank changes', () => {
  it('keeps one automatic snapshot per quarter and explains what moved since', async () => {
    const s = await seed()
    const first = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(first.snapshotTaken).not.toBeNull()
    expect((await ok<ApiOutput<'score-list'>>('score-list', {})).snapshotTaken).toBeNull()
    expect(count('score_snapshot')).toBe(1)
    await ok('channel-update', { id: s.li.id, audienceSize: 50_000 })
    const explained = await ok<ApiOutput<'score-explain'>>('score-explain', { since: '2026-Q4' })
    expect(explained.snapshot?.auto).toBe(true)
    const li = explained.report.channels.find((c) => c.id === s.li.id)
    expect(li?.rankDelta).toBe(1)
    expect(li?.sentence).toMatch(/LinkedIn up 1 .*audience 5,000 → 50,000 \(\+900 %\)/)
    // Next quarter: a new automatic baseline.
    clock = Date.parse('2027-01-05T09:00:00Z')
    expect((await ok<ApiOutput<'score-list'>>('score-list', {})).snapshotTaken).not.toBeNull()
    expect(count('score_snapshot')).toBe(2)
  })

  it('takes named snapshots and finds them by id, name or date; an unknown one is a clear error', async () => {
    await seed()
    const snap = await ok<ApiOutput<'score-snapshot-create'>>('score-snapshot-create', { name: 'Before the offsite' })
    expect(snap).toMatchObject({ name: 'Before the offsite', takenOn: '2026-11-23', quarter: '2026-Q4', auto: false, capacityHours: 40 })
    expect(snap.ranking).toHaveLength(3)
    expect((await ok<ApiOutput<'score-explain'>>('score-explain', { since: snap.id })).snapshot?.id).toBe(snap.id)
    expect((await ok<ApiOutput<'score-explain'>>('score-explain', { since: 'before the offsite' })).snapshot?.id).toBe(snap.id)
    expect((await ok<ApiOutput<'score-explain'>>('score-explain', { since: '2026-12-01' })).snapshot?.id).toBe(snap.id)
    const e = await fails('score-explain', { since: 'nope' })
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/No snapshot matches "nope"/)
  })

  it('scores an empty workspace without a snapshot or an error', async () => {
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect(list.channels).toEqual([])
    expect(list.snapshotTaken).toBeNull()
    expect((await ok<ApiOutput<'score-explain'>>('score-explain', {})).snapshot).toBeNull()
  })
})
