import type { DeskClockStats, DeskSeries, DeskStats, DeskStatsEscalation, DeskStatsHandoff, DeskStatsInput, DeskStatsTuple } from './statsTypes'

const DAY_MS = 86_400_000
/** Topics drawn as their own series; more would make the chart unreadable. */
const TOP_TOPICS = 6
export const OTHER_TOPICS = 'Other topics'
export const NO_TOPIC = 'No topic'
export const NO_TEAM = 'No team'

/**
 * The desk's numbers for one period, in one pass over the rows plus a selection per median. Pure and
 * deterministic (no clock: the period comes in), so the dashboard, the deck and the bench agree.
 * Rows outside [from, to] are skipped, so a caller may pass more than the period.
 */
export function statsOfDesk(input: DeskStatsInput): DeskStats {
  const tally = deskTally(input.from, input.to)
  const met = (m: boolean | null) => (m === null ? null : m ? 1 : 0)
  for (const r of input.rows) tally.add([r.day, r.type, r.sentiment, r.topic, r.state, r.firstResponseHours, met(r.firstResponseMet), r.resolutionHours, met(r.resolutionMet)])
  return tally.finish(input.escalations, input.handoffs)
}

/** statsOfDesk as a fold: conversations are added one by one as they are read, then the logs finish it. */
export type DeskTally = {
  add: (row: DeskStatsTuple) => void
  finish: (escalations: readonly DeskStatsEscalation[], handoffs: readonly DeskStatsHandoff[]) => DeskStats
}

/**
 * The backend's path: it adds each row straight from SQLite's cursor (an array, not an object), so
 * 100,000 rows never sit in memory at once — holding them was a good part of the dashboard's time,
 * spent in garbage collection.
 */
export function deskTally(from: string, to: string): DeskTally {
  const input = { from, to }
  const fromMs = Date.parse(`${input.from}T00:00:00Z`)
  const toMs = Date.parse(`${input.to}T00:00:00Z`) + DAY_MS
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) throw new RangeError(`Desk numbers need a period from ≤ to as YYYY-MM-DD; got ${input.from} to ${input.to}`)
  const bucket: DeskStats['bucket'] = toMs - fromMs <= 100 * DAY_MS ? 'week' : 'month'
  const periods = bucketStarts(fromMs, toMs, bucket)
  const periodIndex = new Map(periods.map((p, i) => [p, i]))

  // Counts in one-element boxes and a type's volume series kept on its tally: one map lookup per field
  // per row, where a get-then-set per counter was a good part of the fold at 100k rows.
  const states = new Map<string, [number]>()
  const first = clock()
  const resolution = clock()
  const types = new Map<string, { count: number; first: Clock; resolution: Clock; volume: number[] }>()
  const volume = new Map<string, number[]>()
  const sentiment = new Map<string, number[]>()
  const topics = new Map<string, number[]>()
  const topicTotals = new Map<string, [number]>()
  /** Each raw topic text to its series and total, so trimming happens once per distinct text (" sso " and "sso" share one). */
  const topicOf = new Map<string, { series: number[]; total: [number] }>()
  const topicTally = (raw: string): { series: number[]; total: [number] } => {
    let t = topicOf.get(raw)
    if (t === undefined) {
      const trimmed = raw.trim()
      const topic = trimmed === '' ? NO_TOPIC : trimmed
      let total = topicTotals.get(topic)
      if (total === undefined) topicTotals.set(topic, (total = [0]))
      topicOf.set(raw, (t = { series: series(topics, topic), total }))
    }
    return t
  }
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
  const add = (r: DeskStatsTuple): void => {
    const day = r[0]
    if (day < input.from || day > input.to) return
    total++
    const type = r[1]
    let st = states.get(r[4])
    if (st === undefined) states.set(r[4], (st = [0]))
    st[0]++
    let t = types.get(type)
    if (t === undefined) types.set(type, (t = { count: 0, first: clock(), resolution: clock(), volume: series(volume, type) }))
    t.count++
    addClock(first, t.first, r[5], r[6])
    addClock(resolution, t.resolution, r[7], r[8])
    const i = indexOf(day)
    t.volume[i]++
    series(sentiment, r[2])[i]++
    const topic = topicTally(r[3])
    topic.series[i]++
    topic.total[0]++
  }

  const finishAll = (allEscalations: readonly DeskStatsEscalation[], allHandoffs: readonly DeskStatsHandoff[]): DeskStats => {
    const inPeriod = (at: string): boolean => {
      const day = at.slice(0, 10)
      return day >= input.from && day <= input.to
    }
    const teams = new Map<string, number>()
    let escalations = 0
    for (const e of allEscalations) {
      if (!inPeriod(e.at)) continue
      escalations++
      const team = e.team.trim() === '' ? NO_TEAM : e.team.trim()
      teams.set(team, (teams.get(team) ?? 0) + 1)
    }
    const outcomes = new Map<string, number>()
    let handoffs = 0
    for (const h of allHandoffs) {
      if (!inPeriod(h.at)) continue
      handoffs++
      outcomes.set(h.outcome, (outcomes.get(h.outcome) ?? 0) + 1)
    }

    return {
      from: input.from,
      to: input.to,
      total,
      byState: counted(unboxed(states)).map(([state, count]) => ({ state, count })),
      firstResponse: finish(first),
      resolution: finish(resolution),
      byType: [...types.entries()]
        .toSorted((a, b) => b[1].count - a[1].count || compare(a[0], b[0]))
        .map(([type, t]) => ({ type, count: t.count, firstResponse: finish(t.first), resolution: finish(t.resolution) })),
      bucket,
      periods,
      volumeByType: asSeries(volume),
      sentiment: asSeries(sentiment),
      topics: topTopics(topics, unboxed(topicTotals), periods.length),
      escalations,
      escalationsByTeam: counted(teams).map(([team, count]) => ({ team, count })),
      handoffs,
      handoffsByOutcome: counted(outcomes).map(([outcome, count]) => ({ outcome, count }))
    }
  }
  return { add, finish: finishAll }
}

const unboxed = (m: Map<string, [number]>): Map<string, number> => new Map([...m].map(([k, [n]]) => [k, n]))

type Clock = { hours: number[]; withinTarget: number; withTarget: number }

const clock = (): Clock => ({ hours: [], withinTarget: 0, withTarget: 0 })

/** Counts one stopped clock into the overall and the per-type tally; a clock still running counts nowhere. */
function addClock(all: Clock, byType: Clock, hours: number | null, met: number | null): void {
  if (hours === null || !Number.isFinite(hours)) return
  const h = Math.max(0, hours)
  all.hours.push(h)
  byType.hours.push(h)
  if (met === null) return
  const n = met === 1 ? 1 : 0
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

/**
 * Median of a list (the mean of the middle two for an even count); null for none. Selects in a typed
 * copy instead of sorting it (the dashboard takes a median per clock and per type of 100k stopped
 * clocks): the same values a sort would put in the middle, in linear time.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const a = Float64Array.from(values)
  const m = a.length >> 1
  const upper = select(a, m)
  if (a.length % 2 === 1) return upper
  // After selecting the m-th, everything left of it is ≤ it: the (m-1)-th is the largest there.
  let lower = a[0] ?? 0
  for (let i = 1; i < m; i++) if ((a[i] ?? 0) > lower) lower = a[i] ?? 0
  return (lower + upper) / 2
}

/** Hoare's selection: rearranges `a` so a[k] holds the k-th smallest, smaller-or-equal ones left of it. */
function select(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  while (hi > lo) {
    // Median of three as the pivot, so sorted or constant runs stay linear.
    const mid = (lo + hi) >> 1
    const x = a[lo] ?? 0
    const y = a[mid] ?? 0
    const z = a[hi] ?? 0
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++
      while ((a[j] ?? 0) > pivot) j--
      if (i <= j) {
        const t = a[i] ?? 0
        a[i] = a[j] ?? 0
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else break
  }
  return a[k] ?? 0
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
