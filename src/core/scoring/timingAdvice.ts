/**
 * When to post: the weekdays and hours that did better than a channel's typical post, from the
 * team's own published results only, and only where the evidence supports it.
 *
 * The rule (documented in README.md, "Timing advice"):
 * - Each post is measured as its reach relative to the median reach of the same channel's posts in
 *   the same quarter, so a channel whose reach grew or fell over the year does not make its older
 *   (or newer) weekdays look better. We compare logs of that ratio (a post twice as good as typical
 *   and one half as good weigh the same).
 * - A channel needs `minPosts` (30) published posts with reach in the evidence window (730 days);
 *   a weekday or an hour band needs `minPostsPerBucket` (10) of them to be judged at all.
 * - A bucket counts as a best time when the lower end of its interval for the mean log ratio lies
 *   above the channel's own mean — at 95 % confidence split over every bucket tested (Bonferroni),
 *   so a channel with no real pattern rarely shows one by chance. The interval is a seeded
 *   bootstrap for buckets under 30 posts, the normal approximation from 30 on (log ratios are close
 *   to normal there, and it keeps the advice instant on large workspaces).
 * - Otherwise the channel gets "not enough data" (too few posts) or "no clear best time".
 */
import { seededUniform } from './seededUniform'

export type TimingPost = {
  channelId: string
  /** ISO instant the post went out. */
  publishAt: string
  /** IANA zone it was planned in: weekday and hour are read in this zone. */
  zone: string
  reach: number
}

export type TimingOptions = {
  /** 'YYYY-MM-DD'; posts older than `evidenceDays` before it are left out. */
  today: string
  /** Seed for the bootstrap, so the same data always gives the same advice. */
  seed: number
  minPosts?: number
  minPostsPerBucket?: number
  evidenceDays?: number
  draws?: number
}

export type TimingBucket = {
  kind: 'weekday' | 'hours'
  label: string
  posts: number
  /** Typical reach of a post in this bucket ÷ the channel's typical post (1.28 = 28 % more). */
  lift: number
  low: number
  high: number
}

export type ChannelTiming = {
  channelId: string
  posts: number
  status: 'best-times' | 'not-enough-data' | 'no-clear-pattern'
  /** Best weekdays and hours, strongest first; empty unless status is 'best-times'. */
  best: TimingBucket[]
  /** Every bucket that had enough posts to be judged, for the curious. */
  judged: TimingBucket[]
  reason: string
}

export const TIMING_DEFAULTS = { minPosts: 30, minPostsPerBucket: 10, evidenceDays: 730, draws: 1000, confidence: 0.95 } as const

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
const HOUR_BANDS: readonly { label: string; from: number; to: number }[] = [
  { label: 'before 09:00', from: 0, to: 9 },
  { label: '09:00–11:00', from: 9, to: 11 },
  { label: '11:00–14:00', from: 11, to: 14 },
  { label: '14:00–17:00', from: 14, to: 17 },
  { label: 'after 17:00', from: 17, to: 24 }
]

type Local = { weekday: number; hour: number; quarter: string; day: string }
type Scored = { weekday: number; hour: number; x: number }

export function timingAdvice(posts: readonly TimingPost[], options: TimingOptions): ChannelTiming[] {
  // Spelled out: an option passed as undefined must not wipe its default.
  const o: Resolved = {
    today: options.today,
    seed: options.seed,
    minPosts: options.minPosts ?? TIMING_DEFAULTS.minPosts,
    minPostsPerBucket: options.minPostsPerBucket ?? TIMING_DEFAULTS.minPostsPerBucket,
    evidenceDays: options.evidenceDays ?? TIMING_DEFAULTS.evidenceDays,
    draws: options.draws ?? TIMING_DEFAULTS.draws,
    confidence: TIMING_DEFAULTS.confidence
  }
  const since = shiftDay(o.today, -o.evidenceDays)
  const byChannel = new Map<string, { local: Local; reach: number }[]>()
  for (const p of posts) {
    if (!(p.reach > 0) || !Number.isFinite(p.reach)) continue
    const local = localTime(p.publishAt, p.zone)
    if (local === null || local.day < since || local.day > o.today) continue
    const list = byChannel.get(p.channelId) ?? []
    list.push({ local, reach: p.reach })
    byChannel.set(p.channelId, list)
  }
  const random = seededUniform(o.seed)
  const out: ChannelTiming[] = []
  for (const [channelId, list] of [...byChannel].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    out.push(channelTiming(channelId, relativeToQuarter(list), o, random))
  }
  return out
}

type Resolved = Required<TimingOptions> & { confidence: number }

function channelTiming(channelId: string, scored: Scored[], o: Resolved, random: () => number): ChannelTiming {
  const n = scored.length
  if (n < o.minPosts) {
    return { channelId, posts: n, status: 'not-enough-data', best: [], judged: [], reason: `${n} published post${n === 1 ? '' : 's'} with reach; at least ${o.minPosts} are needed to judge days and hours` }
  }
  const overall = mean(scored.map((s) => s.x))
  const groups: { kind: TimingBucket['kind']; label: string; xs: number[] }[] = [
    ...WEEKDAYS.map((label, i) => ({ kind: 'weekday' as const, label, xs: scored.filter((s) => s.weekday === i).map((s) => s.x) })),
    ...HOUR_BANDS.map((b) => ({ kind: 'hours' as const, label: b.label, xs: scored.filter((s) => s.hour >= b.from && s.hour < b.to).map((s) => s.x) }))
  ].filter((g) => g.xs.length >= o.minPostsPerBucket)
  // One-sided, split over every bucket judged (Bonferroni).
  const alpha = (1 - o.confidence) / Math.max(1, groups.length)
  const judged: TimingBucket[] = groups.map((g) => {
    const [lo, hi] = interval(g.xs, alpha, o.draws, random)
    return { kind: g.kind, label: g.label, posts: g.xs.length, lift: Math.exp(mean(g.xs) - overall), low: Math.exp(lo - overall), high: Math.exp(hi - overall) }
  })
  const best = judged.filter((b) => b.low > 1).sort((a, b) => b.lift - a.lift || (a.label < b.label ? -1 : 1))
  if (best.length === 0) {
    return { channelId, posts: n, status: 'no-clear-pattern', best, judged, reason: `No weekday or hour stands out from the channel's typical post across ${n} posts` }
  }
  const top = best[0]
  const reason =
    top === undefined ? '' : `${top.label}: ${pct(top.lift)} reach vs the channel's typical post (${top.posts} posts; at worst ${pct(top.low)})`
  return { channelId, posts: n, status: 'best-times', best, judged, reason }
}

function pct(lift: number): string {
  const p = Math.round((lift - 1) * 100)
  return `${p >= 0 ? '+' : '−'}${Math.abs(p)} %`
}

/** Log of each post's reach ÷ the median reach of its channel's posts in the same quarter. */
function relativeToQuarter(list: readonly { local: Local; reach: number }[]): Scored[] {
  const byQuarter = new Map<string, number[]>()
  for (const p of list) {
    const rs = byQuarter.get(p.local.quarter) ?? []
    rs.push(p.reach)
    byQuarter.set(p.local.quarter, rs)
  }
  const all = median(list.map((p) => p.reach))
  const medians = new Map([...byQuarter].map(([q, rs]) => [q, rs.length >= 3 ? median(rs) : all]))
  return list.map((p) => ({ weekday: p.local.weekday, hour: p.local.hour, x: Math.log(p.reach / (medians.get(p.local.quarter) ?? all)) }))
}

/** Lower and upper bound for the mean of xs at one-sided level alpha each way. */
function interval(xs: readonly number[], alpha: number, draws: number, random: () => number): [number, number] {
  const n = xs.length
  const m = mean(xs)
  if (n >= 30) {
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1))
    const z = normalQuantile(1 - alpha)
    return [m - (z * sd) / Math.sqrt(n), m + (z * sd) / Math.sqrt(n)]
  }
  const means: number[] = []
  for (let d = 0; d < draws; d++) {
    let s = 0
    for (let i = 0; i < n; i++) s += xs[Math.floor(random() * n)] ?? 0
    means.push(s / n)
  }
  means.sort((a, b) => a - b)
  const k = Math.max(0, Math.min(draws - 1, Math.floor(alpha * draws)))
  return [means[k] ?? m, means[draws - 1 - k] ?? m]
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const poly = (k: readonly number[], x: number): number => k.reduce((acc, v) => acc * x + v, 0)
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p))
    return poly(c, q) / (poly(d, q) * q + 1)
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (poly(a, r) * q) / (poly(b, r) * r + 1)
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()
const offsets = new Map<string, number | null>()

/**
 * Minutes the zone is ahead of UTC on a UTC day, read at noon UTC (clocks change at night, when posts
 * are rare); cached per zone and day, because asking Intl for every one of 100k posts is slow.
 */
function offsetMinutes(zone: string, utcDay: number): number | null {
  const key = `${zone}|${utcDay}`
  const cached = offsets.get(key)
  if (cached !== undefined) return cached
  let f = formatters.get(zone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
    } catch {
      f = null
    }
    formatters.set(zone, f)
  }
  let offset: number | null = null
  if (f !== null) {
    const noon = utcDay * 86_400_000 + 12 * 3_600_000
    const parts: Record<string, number> = {}
    for (const p of f.formatToParts(new Date(noon))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
    const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0)
    offset = Math.round((local - noon) / 60_000)
  }
  offsets.set(key, offset)
  return offset
}

/** Weekday (Monday = 0), hour, quarter and day of an instant in a zone; null if either is unreadable. */
function localTime(instant: string, zone: string): Local | null {
  const ms = Date.parse(instant)
  if (!Number.isFinite(ms)) return null
  const offset = offsetMinutes(zone, Math.floor(ms / 86_400_000))
  if (offset === null) return null
  const d = new Date(ms + offset * 60_000)
  const month = d.getUTCMonth()
  return {
    weekday: (d.getUTCDay() + 6) % 7,
    hour: d.getUTCHours(),
    quarter: `${d.getUTCFullYear()}-Q${Math.floor(month / 3) + 1}`,
    day: d.toISOString().slice(0, 10)
  }
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
