import type { DeskClockStats, DeskSeries, DeskStats, DeskStatsInput } from './statsTypes'

const DAY_MS = 86_400_000
/** Topics drawn as their own series; more would make the chart unreadable. */
const TOP_TOPICS = 6
export const OTHER_TOPICS = 'Other topics'
export const NO_TOPIC = 'No topic'
export const NO_TEAM = 'No team'

/**
 * The desk's numbers for one period, in one pass over the rows plus a sort per median. Pure and
 * deterministic (no clock: the period comes in), so the dashboard, the deck and the bench agree.
 * Rows outside [from, to] are skipped, so a caller may pass more than the period.
 */
export function statsOfDesk(input: DeskStatsInput): DeskStats {
  const fromMs = Date.parse(`${input.from}T00:00:00Z`)
  const toMs = Date.parse(`${input.to}T00:00:00Z`) + DAY_MS
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) throw new RangeError(`Desk numbers need a period from ≤ to as YYYY-MM-DD; got ${input.from} to ${input.to}`)
  const bucket: DeskStats['bucket'] = toMs - fromMs <= 100 * DAY_MS ? 'week' : 'month'
  const periods = bucketStarts(fromMs, toMs, bucket)
  const periodIndex = new Map(periods.map((p, i) => [p, i]))

  const states = new Map<string, number>()
  const first = clock()
  const resolution = clock()
  const types = new Map<string, { count: number; first: Clock; resolution: Clock }>()
  const volume = new Map<string, number[]>()
  const sentiment = new Map<string, number[]>()
  const topics = new Map<string, number[]>()
  const topicTotals = new Map<string, number>()
  const series = (m: Map<string, number[]>, key: string): number[] => {
    let s = m.get(key)
    if (s === undefined) m.set(key, (s = new Array<number>(periods.length).fill(0)))
    return s
  }

  // A quarter has ~90 distinct days: each day's bucket is worked out once, not once per row.
  const dayIndex = new Map<string, number>()
  const indexOf = (day: string): number => {
    let i = dayIndex.get(day)
    if (i === undefined) dayIndex.set(day, (i = periodIndex.get(bucketStart(Date.parse(`${day}T00:00:00Z`), bucket)) ?? 0))
    return i
  }
  let total = 0
  for (const r of input.rows) {
    if (r.day < input.from || r.day > input.to) continue
    total++
    states.set(r.state, (states.get(r.state) ?? 0) + 1)
    let t = types.get(r.type)
    if (t === undefined) types.set(r.type, (t = { count: 0, first: clock(), resolution: clock() }))
    t.count++
    addClock(first, t.first, r.firstResponseHours, r.firstResponseMet)
    addClock(resolution, t.resolution, r.resolutionHours, r.resolutionMet)
    const i = indexOf(r.day)
    series(volume, r.type)[i]++
    series(sentiment, r.sentiment)[i]++
    const topic = r.topic.trim() === '' ? NO_TOPIC : r.topic.trim()
    series(topics, topic)[i]++
    topicTotals.set(topic, (topicTotals.get(topic) ?? 0) + 1)
  }

  const inPeriod = (at: string): boolean => {
    const day = at.slice(0, 10)
    return day >= input.from && day <= input.to
  }
  const teams = new Map<string, number>()
  let escalations = 0
  for (const e of input.escalations) {
    if (!inPeriod(e.at)) continue
    escalations++
    const team = e.team.trim() === '' ? NO_TEAM : e.team.trim()
    teams.set(team, (teams.get(team) ?? 0) + 1)
  }
  const outcomes = new Map<string, number>()
  let handoffs = 0
  for (const h of input.handoffs) {
    if (!inPeriod(h.at)) continue
    handoffs++
    outcomes.set(h.outcome, (outcomes.get(h.outcome) ?? 0) + 1)
  }

  return {
    from: input.from,
    to: input.to,
    total,
    byState: counted(states).map(([state, count]) => ({ state, count })),
    firstResponse: finish(first),
    resolution: finish(resolution),
    byType: [...types.entries()]
      .toSorted((a, b) => b[1].count - a[1].count || compare(a[0], b[0]))
      .map(([type, t]) => ({ type, count: t.count, firstResponse: finish(t.first), resolution: finish(t.resolution) })),
    bucket,
    periods,
    volumeByType: asSeries(volume),
    sentiment: asSeries(sentiment),
    topics: topTopics(topics, topicTotals, periods.length),
    escalations,
    escalationsByTeam: counted(teams).map(([team, count]) => ({ team, count })),
    handoffs,
    handoffsByOutcome: counted(outcomes).map(([outcome, count]) => ({ outcome, count }))
  }
}

type Clock = { hours: number[]; withinTarget: number; withTarget: number }

const clock = (): Clock => ({ hours: [], withinTarget: 0, withTarget: 0 })

/** Counts one stopped clock into the overall and the per-type tally; a clock still running counts nowhere. */
function addClock(all: Clock, byType: Clock, hours: number | null, met: boolean | null): void {
  if (hours === null || !Number.isFinite(hours)) return
  const h = Math.max(0, hours)
  all.hours.push(h)
  byType.hours.push(h)
  if (met === null) return
  const n = met ? 1 : 0
  all.withTarget++
  byType.withTarget++
  all.withinTarget += n
  byType.withinTarget += n
}

function finish(c: Clock): DeskClockStats {
  return {
    medianHours: median(c.hours),
    stopped: c.hours.length,
    withinTarget: c.withinTarget,
    withTarget: c.withTarget,
    share: c.withTarget === 0 ? null : c.withinTarget / c.withTarget
  }
}

/** Median of a list (the mean of the middle two for an even count); null for none. Sorts a typed copy: fast at 100k. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = Float64Array.from(values).sort()
  const m = s.length >> 1
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Most first, then by name, so equal counts keep one order in every rendering. */
function counted(m: Map<string, number>): [string, number][] {
  return [...m.entries()].toSorted((a, b) => b[1] - a[1] || compare(a[0], b[0]))
}

function asSeries(m: Map<string, number[]>): DeskSeries[] {
  return [...m.entries()]
    .map(([name, values]) => ({ name, values, sum: values.reduce((a, b) => a + b, 0) }))
    .toSorted((a, b) => b.sum - a.sum || compare(a.name, b.name))
    .map(({ name, values }) => ({ name, values }))
}

function topTopics(m: Map<string, number[]>, totals: Map<string, number>, n: number): DeskSeries[] {
  const ranked = counted(totals)
  const top = ranked.slice(0, TOP_TOPICS).map(([name]) => ({ name, values: m.get(name) ?? [] }))
  const rest = ranked.slice(TOP_TOPICS)
  if (rest.length === 0) return top
  const other = new Array<number>(n).fill(0)
  for (const [name] of rest) (m.get(name) ?? []).forEach((v, i) => (other[i] = (other[i] ?? 0) + v))
  return [...top, { name: OTHER_TOPICS, values: other }]
}

/** 'YYYY-MM-DD' of the bucket an instant falls in: its week's Monday, or its month's first day (UTC). */
function bucketStart(ms: number, bucket: DeskStats['bucket']): string {
  const d = new Date(ms)
  if (bucket === 'month') return `${d.toISOString().slice(0, 7)}-01`
  const day = Math.floor(ms / DAY_MS) * DAY_MS
  const weekday = (d.getUTCDay() + 6) % 7
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10)
}

function bucketStarts(fromMs: number, toMs: number, bucket: DeskStats['bucket']): string[] {
  const out: string[] = []
  let at = Date.parse(`${bucketStart(fromMs, bucket)}T00:00:00Z`)
  while (at < toMs) {
    out.push(new Date(at).toISOString().slice(0, 10))
    if (bucket === 'week') at += 7 * DAY_MS
    else {
      const d = new Date(at)
      at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
    }
  }
  return out
}
