import { describe, expect, it } from 'vitest'
import type { FieldIssue } from '../../../src/core/domain/recordKind'
import { kindNames as allKinds, recordKinds } from '../../../src/core/domain/recordKinds'
import { demoKinds as kindNames, generateDemo, type DemoData, type DemoKind, type DemoRecord } from '../../../src/core/demo/generateDemo'

const TODAY = '2026-05-14'
const CASES: readonly { seed: number; today: string }[] = [
  { seed: 1, today: TODAY },
  { seed: 42, today: '2026-01-01' }, // first day of a quarter: the current quarter has one day of data
  { seed: 7, today: '2025-12-31' }, // last day of a quarter: "coming weeks" fall into the next one
  { seed: 2024, today: '2025-08-03' }
]
const cache = new Map<string, DemoData>()
function demo(seed: number, today: string): DemoData {
  const key = `${seed}|${today}`
  let d = cache.get(key)
  if (d === undefined) {
    d = generateDemo({ seed, today })
    cache.set(key, d)
  }
  return d
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function ulidTime(id: string): number {
  let t = 0
  for (const ch of id.slice(0, 10)) t = t * 32 + CROCKFORD.indexOf(ch)
  return t
}
const dayAfter = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const quarterOf = (d: string): string => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`
const previousQuarter = (q: string): string => {
  const y = Number(q.slice(0, 4))
  const n = Number(q.slice(6))
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`
}

/** Schema and check problems of one record; parsing must also leave the record unchanged (no trimming, no extra keys). */
function problems<K extends DemoKind>(kind: K, record: DemoRecord<K>): string[] {
  const { id: _id, ...fields } = record
  const def = recordKinds[kind]
  const parsed = def.fields.safeParse(fields)
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  if (JSON.stringify(parsed.data) !== JSON.stringify(fields)) return ['parsing changed the record']
  const check = def.check as ((rec: unknown) => FieldIssue[]) | undefined
  return (check?.(parsed.data) ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)
}

function allProblems(data: DemoData): string[] {
  const out: string[] = []
  for (const kind of kindNames) {
    for (const rec of data[kind] as DemoRecord<typeof kind>[]) {
      for (const p of problems(kind, rec)) out.push(`${kind} ${rec.id}: ${p}`)
    }
  }
  return out
}

describe('generateDemo', () => {
  it.each(CASES)('every record passes its schema and check (seed $seed, today $today)', ({ seed, today }) => {
    expect(allProblems(demo(seed, today))).toEqual([])
  })

  it.each(CASES)('every reference points at an existing record (seed $seed, today $today)', ({ seed, today }) => {
    const data = demo(seed, today)
    const ids = new Map<string, Set<string>>(kindNames.map((k) => [k, new Set(data[k].map((r) => r.id))]))
    const dangling: string[] = []
    for (const kind of kindNames) {
      const refs = Object.entries(recordKinds[kind].refs) as [string, string][]
      for (const rec of data[kind] as Record<string, unknown>[]) {
        for (const [field, target] of refs) {
          const value = rec[field]
          const values = Array.isArray(value) ? value : value === null ? [] : [value]
          for (const v of values) if (!ids.get(target)?.has(String(v))) dangling.push(`${kind}.${field} → ${target} ${String(v)}`)
        }
      }
    }
    for (const c of data.channel) for (const l of c.goalLinks) if (!ids.get('goal')?.has(l.goalId)) dangling.push(`channel.goalLinks → ${l.goalId}`)
    expect(dangling).toEqual([])
  })

  it('ids are unique ULIDs whose time part is not after today', () => {
    const data = demo(1, TODAY)
    const all = kindNames.flatMap((k) => data[k].map((r) => r.id))
    expect(new Set(all).size).toBe(all.length)
    const endOfToday = Date.parse(`${dayAfter(TODAY)}T00:00:00Z`)
    for (const id of all) {
      expect(id).toMatch(ULID)
      expect(ulidTime(id)).toBeLessThan(endOfToday)
      expect(ulidTime(id)).toBeGreaterThan(Date.parse('2022-01-01T00:00:00Z'))
    }
  })

  it('has the promised counts', () => {
    const data = demo(1, TODAY)
    expect(data.member).toHaveLength(6)
    expect(data.channel.length).toBeGreaterThanOrEqual(12)
    expect(data.campaign).toHaveLength(3)
    expect(data.content.length).toBeGreaterThanOrEqual(320)
    expect(data.influencer.length).toBeGreaterThanOrEqual(85)
    expect(data.conversation.length).toBeGreaterThanOrEqual(110)
    const current = data.goal.filter((g) => g.quarter === quarterOf(TODAY))
    expect(current).toHaveLength(6)
    expect(new Set(current.map((g) => g.driver))).toEqual(new Set(['revenue', 'reputation', 'reach', 'return_on_operations', 'customer_care']))
    expect(data.goal.filter((g) => g.quarter === previousQuarter(quarterOf(TODAY))).length).toBeGreaterThanOrEqual(1)
  })

  it.each(CASES)('covers every status, stage and type (seed $seed, today $today)', ({ seed, today }) => {
    const data = demo(seed, today)
    const set = <T,>(xs: T[]): Set<T> => new Set(xs)
    expect(set(data.content.map((c) => c.status))).toEqual(set(['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled']))
    expect(set(data.channel.map((c) => c.status))).toEqual(set(['proposed', 'active', 'paused', 'retired']))
    expect(set(data.influencer.map((i) => i.stage))).toEqual(set(['identified', 'following', 'engaged', 'collaborating', 'advocate']))
    expect(set(data.conversation.map((c) => c.type))).toEqual(set(['praise', 'complaint', 'question', 'product_feedback', 'lead', 'press', 'crisis']))
    expect(set(data.conversation.map((c) => c.state))).toEqual(set(['new', 'assigned', 'waiting', 'resolved']))
    expect(set(data.conversation.map((c) => c.sentiment))).toEqual(set(['positive', 'neutral', 'negative']))
    expect(set(data.content.flatMap((c) => (c.publishZone === null ? [] : [c.publishZone])))).toEqual(
      set(['Europe/Berlin', 'America/New_York', 'Europe/London'])
    )
  })

  it.each(CASES)('covers six past quarters and the current one, and never measures the future (seed $seed, today $today)', ({ seed, today }) => {
    const data = demo(seed, today)
    const cur = quarterOf(today)
    const prev = previousQuarter(cur)
    expect(data.measurement.every((m) => m.date <= today)).toBe(true)
    const goalQuarter = new Map(data.goal.map((g) => [g.id, g.quarter]))
    const measuredQuarters = new Set(data.measurement.flatMap((m) => (m.goalId === null ? [] : [goalQuarter.get(m.goalId)])))
    const seven = [cur]
    while (seven.length < 7) seven.push(previousQuarter(seven.at(-1) ?? cur))
    expect(measuredQuarters).toEqual(new Set(seven))
    for (const g of data.goal) expect(data.measurement.some((m) => m.goalId === g.id)).toBe(true)
    const contentQuarters = new Set(data.content.flatMap((c) => (c.plannedDate === null ? [] : [quarterOf(c.plannedDate)])))
    expect(contentQuarters.has(prev) && contentQuarters.has(cur)).toBe(true)
    const conversationQuarters = new Set(data.conversation.map((c) => quarterOf(c.occurredAt.slice(0, 10))))
    expect(conversationQuarters.has(prev)).toBe(true)
    // On a quarter's first day nothing can have happened in it yet: "now" is the start of today.
    if (!today.endsWith('-01-01') && !today.endsWith('-04-01') && !today.endsWith('-07-01') && !today.endsWith('-10-01'))
      expect(conversationQuarters.has(cur)).toBe(true)
    const moves = data.influencer.flatMap((i) => i.stageHistory.slice(1).map((h) => quarterOf(h.date)))
    expect(moves).toContain(prev)
    expect(moves).toContain(cur)
    expect(data.measurement.some((m) => m.channelId !== null && m.metric === 'followers')).toBe(true)
    expect(data.measurement.some((m) => m.channelId !== null && m.metric === 'subscribers')).toBe(true)
  })

  it('shows a mix of goal outcomes, including last quarter achieved', () => {
    const data = demo(1, TODAY)
    const last = (goalId: string): number => data.measurement.filter((m) => m.goalId === goalId).at(-1)?.value ?? Number.NaN
    const prev = data.goal.filter((g) => g.quarter === previousQuarter(quarterOf(TODAY)))
    expect(prev.some((g) => g.target !== null && last(g.id) >= g.target)).toBe(true)
    expect(prev.some((g) => g.target !== null && last(g.id) < g.target)).toBe(true)
  })

  it.each(CASES)('keeps the content calendar consistent (seed $seed, today $today)', ({ seed, today }) => {
    const data = demo(seed, today)
    const todayStart = `${today}T00:00:00Z`
    for (const c of data.content) {
      if (c.dueDate !== null) expect(c.plannedDate !== null && c.dueDate < c.plannedDate).toBe(true)
      if (c.status === 'idea' || c.status === 'draft') expect(c.approverId).toBeNull()
      if (c.status === 'approved' || c.status === 'scheduled' || c.status === 'published') {
        expect(Object.values(c.checklist).length).toBeGreaterThan(0)
        expect(Object.values(c.checklist).every(Boolean)).toBe(true)
        expect(c.approverId).not.toBeNull()
        expect(c.approverId).not.toBe(c.ownerId)
        expect(c.approvedAt !== null && c.publishAt !== null && c.approvedAt < c.publishAt && c.approvedAt < todayStart).toBe(true)
        expect(c.trackingUrl).toMatch(/^https:\/\/.+\?utm_source=\w+&utm_medium=\w+&utm_campaign=[\w-]+&utm_content=/)
      }
      if (c.status === 'published') {
        expect(c.publishAt !== null && c.publishAt < todayStart).toBe(true)
        expect([c.resultReach, c.resultEngagements, c.resultClicks, c.resultConversions].every((v) => v !== null)).toBe(true)
        expect(c.resultReach ?? 0).toBeGreaterThan(0)
      } else {
        expect(c.resultReach).toBeNull()
      }
      if (c.status === 'scheduled') expect(c.plannedDate !== null && c.plannedDate >= today).toBe(true)
    }
    const backlog = data.content.filter((c) => c.plannedDate === null)
    expect(backlog.length).toBeGreaterThan(10)
    expect(backlog.every((c) => c.status === 'idea' || c.status === 'draft')).toBe(true)
  })

  it('gives the checks something to find: clashes, a duplicate channel, stale estimates, overdue actions', () => {
    const data = demo(1, TODAY)
    const timed = data.content.filter((c) => c.publishAt !== null && c.channelId !== null)
    const clash = timed.some((a) =>
      timed.some((b) => a.id !== b.id && a.channelId === b.channelId && Math.abs(Date.parse(a.publishAt ?? '') - Date.parse(b.publishAt ?? '')) <= 2 * 3_600_000)
    )
    expect(clash).toBe(true)
    const keys = data.channel.map((c) => `${c.platform}|${c.handle}`)
    expect(new Set(keys).size).toBeLessThan(keys.length)
    const ninetyDaysAgo = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10)
    expect(data.channel.some((c) => c.estimatesUpdatedAt !== null && c.estimatesUpdatedAt < ninetyDaysAgo)).toBe(true)
    expect(data.influencer.some((i) => i.nextActionDate !== null && i.nextActionDate < TODAY)).toBe(true)
  })

  it.each(CASES)('keeps influencer histories and conversation authors consistent (seed $seed, today $today)', ({ seed, today }) => {
    const data = demo(seed, today)
    const order = ['identified', 'following', 'engaged', 'collaborating', 'advocate']
    for (const i of data.influencer) {
      expect(i.stageHistory.at(-1)?.stage).toBe(i.stage)
      expect(i.stageHistory.map((h) => h.stage)).toEqual(order.slice(0, order.indexOf(i.stage) + 1))
      const dates = i.stageHistory.map((h) => h.date)
      expect(dates).toEqual([...dates].sort())
      expect(dates.every((d) => d <= today)).toBe(true)
      expect(i.lastContactDate).toBe(i.interactions.at(-1)?.date ?? null)
    }
    const byId = new Map(data.influencer.map((i) => [i.id, i]))
    const fromInfluencers = data.conversation.filter((c) => c.influencerId !== null)
    expect(fromInfluencers.length).toBeGreaterThan(0)
    for (const c of fromInfluencers) expect(c.author).toBe(byId.get(c.influencerId ?? '')?.name)
    for (const c of data.conversation) {
      // Nothing happened after the start of today (the generator knows the day, not the hour).
      for (const at of [c.occurredAt, c.assignedAt, c.resolvedAt]) expect(at === null || at <= `${today}T00:00:00Z`).toBe(true)
      if (c.state === 'new') expect([c.assigneeId, c.assignedAt, c.resolvedAt]).toEqual([null, null, null])
      if (c.state === 'assigned') expect(c.assignedAt !== null && c.resolvedAt === null).toBe(true)
      if (c.state === 'resolved') expect(c.resolvedAt !== null && c.assignedAt !== null && c.resolvedAt >= c.assignedAt).toBe(true)
      expect(c.tags.length).toBeGreaterThan(0)
    }
  })

  it('is deterministic for a seed and today, and differs across seeds', () => {
    const a = generateDemo({ seed: 99, today: TODAY })
    const b = generateDemo({ seed: 99, today: TODAY })
    expect(b).toEqual(a)
    const c = generateDemo({ seed: 100, today: TODAY })
    expect(c.content.map((x) => x.id)).not.toEqual(a.content.map((x) => x.id))
    expect(c.content.map((x) => x.title)).not.toEqual(a.content.map((x) => x.title))
    expect(c).not.toEqual(a)
  })

  it('returns a list for every record kind, empty for the kinds it does not generate', () => {
    const data = demo(1, TODAY)
    for (const kind of allKinds) {
      expect(Array.isArray(data[kind])).toBe(true)
      if (!(kindNames as readonly string[]).includes(kind)) expect(data[kind]).toEqual([])
    }
  })

  it('rejects a today that is not a real date', () => {
    expect(() => generateDemo({ seed: 1, today: '2026-02-30' })).toThrow()
    expect(() => generateDemo({ seed: 1, today: '14.05.2026' })).toThrow()
  })

  // Speed is measured by `npm run bench` (foundation bench), never asserted here.
  it('scales to 100,000 content items over five years, still valid', () => {
    const big = generateDemo({ seed: 3, today: TODAY, scale: { contentItems: 100_000, years: 5 } })
    expect(big.content).toHaveLength(100_000)
    const planned = big.content.flatMap((c) => (c.plannedDate === null ? [] : [c.plannedDate])).sort()
    expect((planned[0] ?? '9999') < '2021-08-01').toBe(true)
    expect(big.measurement.every((m) => m.date <= TODAY)).toBe(true)
    expect(big.measurement.some((m) => m.date < '2021-08-01')).toBe(true)
    const ids = new Set(big.content.map((c) => c.id))
    expect(ids.size).toBe(100_000)
    const sample: DemoData = { ...big, content: big.content.filter((_, i) => i % 50 === 0) }
    expect(allProblems(sample)).toEqual([])
  })
})
