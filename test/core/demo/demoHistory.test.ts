import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../src/core/demo/generateDemo'

// The history the backtest, the period-over-period slides and the cadence curves stand on (issue #12).
const TODAY = '2026-05-14'
const data = generateDemo({ seed: 20261123, today: TODAY })
const quarterOf = (d: string): string => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`
const current = quarterOf(TODAY)
const channelByName = (prefix: string) => {
  const c = data.channel.find((x) => x.name.startsWith(prefix))
  if (c === undefined) throw new Error(`no channel ${prefix}`)
  return c
}
const published = data.content.filter((c) => c.status === 'published' && c.plannedDate !== null)
const pastQuarters = [...new Set(data.goal.map((g) => g.quarter))].filter((q) => q < current).sort()

/** Mean reach per published post of a channel, per quarter, oldest first. */
function reachByQuarter(channelId: string): number[] {
  const sums = new Map<string, { reach: number; n: number }>()
  for (const c of published) {
    if (c.channelId !== channelId || c.plannedDate === null) continue
    const q = quarterOf(c.plannedDate)
    const s = sums.get(q) ?? { reach: 0, n: 0 }
    s.reach += c.resultReach ?? 0
    s.n++
    sums.set(q, s)
  }
  return [...sums].sort((a, b) => a[0].localeCompare(b[0])).map(([, s]) => s.reach / s.n)
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

describe('demo history', () => {
  it('has at least six past quarters, each with a count, a rate and a money goal and published results toward them', () => {
    expect(pastQuarters.length).toBeGreaterThanOrEqual(6)
    for (const q of pastQuarters) {
      const goals = data.goal.filter((g) => g.quarter === q)
      const units = new Set(goals.map((g) => g.kpiUnit))
      expect(units.has('requests'), q).toBe(true)
      expect(units.has('%'), q).toBe(true)
      expect(units.has('€'), q).toBe(true)
      expect(new Set(goals.map((g) => g.kind)), q).toEqual(new Set(['count', 'rate', 'money']))
      const ids = new Set(goals.map((g) => g.id))
      const results = published.filter((c) => c.goalId !== null && ids.has(c.goalId))
      expect(results.length, q).toBeGreaterThan(50)
      expect(results.some((c) => (c.resultConversions ?? 0) > 0), q).toBe(true)
    }
  })

  it('adds up each past quarter\'s demo-request and pipeline goals from the content that served them', () => {
    for (const g of data.goal.filter((x) => x.quarter < current && (x.kpiUnit === 'requests' || x.kpiUnit === '€'))) {
      const closing = data.measurement.filter((m) => m.goalId === g.id).at(-1)?.value
      const sum = published.filter((c) => c.goalId === g.id).reduce((a, c) => a + (c.resultConversions ?? 0), 0)
      expect(closing, `${g.quarter} ${g.kpiName}`).toBe(sum)
    }
  })

  it('has a channel that got worse (X reach falls) and one that took off (LinkedIn reach rises)', () => {
    const x = reachByQuarter(channelByName('X /').id)
    const li = reachByQuarter(channelByName('LinkedIn company page').id)
    expect(x.length).toBeGreaterThanOrEqual(7)
    expect(mean(x.slice(0, 2))).toBeGreaterThan(1.8 * mean(x.slice(-2)))
    expect(mean(li.slice(-2))).toBeGreaterThan(1.8 * mean(li.slice(0, 2)))
    // Mostly downhill / uphill quarter to quarter, not one lucky quarter.
    expect(x.slice(1).filter((v, i) => v < (x[i] ?? 0)).length).toBeGreaterThanOrEqual(4)
    expect(li.slice(1).filter((v, i) => v > (li[i] ?? 0)).length).toBeGreaterThanOrEqual(4)
  })

  it('grows the newsletter list faster every year', () => {
    const subs = data.goal.filter((g) => g.kpiUnit === 'subscribers').sort((a, b) => a.quarter.localeCompare(b.quarter))
    const growth = subs.map((g) => {
      const ms = data.measurement.filter((m) => m.goalId === g.id)
      return ((ms.at(-1)?.value ?? 0) - (ms[0]?.value ?? 0)) / (ms[0]?.value ?? 1)
    })
    expect(mean(growth.slice(-3, -1))).toBeGreaterThan(2 * mean(growth.slice(0, 2)))
  })

  it('reaches a realistic share of the audience per post, not the whole audience', () => {
    for (const prefix of ['Northwind blog', 'LinkedIn company page', 'X /', 'Daniel Reyes']) {
      const c = channelByName(prefix)
      const shares = published.filter((p) => p.channelId === c.id && (p.plannedDate ?? '') >= `${current.slice(0, 4)}`).map((p) => (p.resultReach ?? 0) / c.audienceSize)
      const sorted = [...shares].sort((a, b) => a - b)
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0
      expect(median, prefix).toBeGreaterThan(0.01)
      expect(median, prefix).toBeLessThan(0.25)
    }
  })

  it('has the blog bring roughly 100–150 demo requests a quarter', () => {
    const blog = channelByName('Northwind blog')
    const demoGoals = new Map(data.goal.filter((g) => g.kpiUnit === 'requests').map((g) => [g.id, g.quarter]))
    const perQuarter = new Map<string, number>()
    for (const c of published) {
      const q = c.goalId === null ? undefined : demoGoals.get(c.goalId)
      if (c.channelId === blog.id && q !== undefined && q < current) perQuarter.set(q, (perQuarter.get(q) ?? 0) + (c.resultConversions ?? 0))
    }
    const values = [...perQuarter.values()].sort((a, b) => a - b)
    const median = values[Math.floor(values.length / 2)] ?? 0
    expect(median).toBeGreaterThanOrEqual(70)
    expect(median).toBeLessThanOrEqual(170)
  })

  it('changes cadence over time, and a busier week reaches fewer people per post', () => {
    const blog = channelByName('Northwind blog')
    const perQuarter = new Map<string, number>()
    for (const c of data.content) if (c.channelId === blog.id && c.plannedDate !== null && quarterOf(c.plannedDate) < current) perQuarter.set(quarterOf(c.plannedDate), (perQuarter.get(quarterOf(c.plannedDate)) ?? 0) + 1)
    const counts = [...perQuarter.values()]
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(2 * Math.min(...counts))
    // Over all LinkedIn posts: posts in weeks with 5+ posts reach less on average than those in weeks with 1–2.
    const li = channelByName('LinkedIn company page')
    const week = (d: string): number => Math.floor((Date.parse(`${d}T00:00:00Z`) / 86_400_000 + 3) / 7)
    const perWeek = new Map<number, number>()
    const liPosts = data.content.filter((c) => c.channelId === li.id && c.plannedDate !== null && c.status !== 'cancelled')
    for (const c of liPosts) perWeek.set(week(c.plannedDate ?? ''), (perWeek.get(week(c.plannedDate ?? '')) ?? 0) + 1)
    // Same quarter comparison removes the trend: average over quarters of (quiet-week reach ÷ busy-week reach).
    const ratios: number[] = []
    for (const q of pastQuarters) {
      const inQ = published.filter((c) => c.channelId === li.id && quarterOf(c.plannedDate ?? '') === q)
      const quiet = inQ.filter((c) => (perWeek.get(week(c.plannedDate ?? '')) ?? 0) <= 3).map((c) => c.resultReach ?? 0)
      const busy = inQ.filter((c) => (perWeek.get(week(c.plannedDate ?? '')) ?? 0) >= 6).map((c) => c.resultReach ?? 0)
      if (quiet.length >= 3 && busy.length >= 3) ratios.push(mean(quiet) / mean(busy))
    }
    expect(ratios.length).toBeGreaterThan(0)
    expect(mean(ratios)).toBeGreaterThan(1.1)
  })

  it('shows no "no goals" quarter anywhere in the span', () => {
    const contentQuarters = new Set(data.content.flatMap((c) => (c.plannedDate === null || c.plannedDate > TODAY ? [] : [quarterOf(c.plannedDate)])))
    for (const q of contentQuarters) expect(data.goal.some((g) => g.quarter === q), q).toBe(true)
  })
})
