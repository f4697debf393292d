/**
 * What to publish again: evergreen items whose results were in their channel's top quartile, whose
 * last appearance (the original or an earlier copy) is past the cool-down. Pure; the backend reads
 * the items and makes the backlog copy (see README.md, "Publish again").
 *
 * - **Evergreen** (no schema field for it yet): an article, video, case study, episode, thread or
 *   post outside a campaign and outside the time-bound pillars (product updates, culture) — or any
 *   item whose brief says `#evergreen`. A brief saying `#not-evergreen` opts an item out.
 * - **Results**: engagements plus clicks, divided by the median of the same channel's posts in the
 *   same quarter, so an old post on a once-bigger channel is not favoured for the channel's trend.
 *   The top quartile is at or above the 75th percentile of that ratio over the channel's published
 *   posts; a channel needs `minPosts` (8) of them to have quartiles at all.
 * - **Cool-down**: `coolDownDays` (90) since the original or its newest copy was published or planned.
 */

export type RepublishItem = {
  id: string
  title: string
  brief: string
  channelId: string | null
  campaignId: string | null
  pillar: string
  format: string
  status: string
  /** 'YYYY-MM-DD' the item went out (or is planned). */
  day: string | null
  engagements: number | null
  clicks: number | null
  reach: number | null
}

export type RepublishOptions = {
  today: string
  coolDownDays?: number
  minPosts?: number
  /** Most candidates offered per channel, best first. */
  perChannel?: number
}

export type RepublishCandidate = {
  itemId: string
  channelId: string
  title: string
  publishedOn: string
  daysSince: number
  /** Results ÷ the channel's typical post that quarter (2.1 = 2.1× typical). */
  lift: number
  /** The 75th percentile lift on the channel: the top-quartile bar this item cleared. */
  threshold: number
  /** Id of a live backlog copy already made from this item, or null. */
  copyId: string | null
  reason: string
}

export type RepublishAdvice = {
  coolDownDays: number
  candidates: RepublishCandidate[]
  /** Channels with too few published posts to have a top quartile. */
  tooFewPosts: { channelId: string; posts: number }[]
}

export const REPUBLISH_DEFAULTS = { coolDownDays: 90, minPosts: 8, perChannel: 3 } as const

const EVERGREEN_FORMATS: ReadonlySet<string> = new Set(['article', 'video', 'case_study', 'episode', 'thread', 'post'])
const TIMELY_PILLARS: ReadonlySet<string> = new Set(['product updates', 'culture'])
/** The line a backlog copy's brief starts with; it is also how copies are found again (idempotency). */
const COPY_MARK = /Publish again: a copy of item ([0-9A-HJKMNP-TV-Z]{26})/

export function isEvergreen(item: Pick<RepublishItem, 'brief' | 'campaignId' | 'pillar' | 'format'>): boolean {
  const brief = item.brief.toLowerCase()
  if (brief.includes('#not-evergreen')) return false
  if (brief.includes('#evergreen')) return true
  return item.campaignId === null && EVERGREEN_FORMATS.has(item.format) && !TIMELY_PILLARS.has(item.pillar.trim().toLowerCase())
}

/** The id of the original an item was copied from by "Publish again", or null. */
export function copiedFrom(brief: string): string | null {
  return COPY_MARK.exec(brief)?.[1] ?? null
}

/** The brief of a backlog copy: the mark that links it to the original, then the original's brief. */
export function copyBrief(original: Pick<RepublishItem, 'id' | 'title' | 'brief' | 'day'>): string {
  const mark = `Publish again: a copy of item ${original.id} (“${original.title}”, first out ${original.day ?? 'undated'}).`
  return `${mark}\n\n${original.brief}`.slice(0, 10_000).trimEnd()
}

export function republishAdvice(items: readonly RepublishItem[], options: RepublishOptions): RepublishAdvice {
  // Spelled out: an option passed as undefined must not wipe its default.
  const o = {
    today: options.today,
    coolDownDays: options.coolDownDays ?? REPUBLISH_DEFAULTS.coolDownDays,
    minPosts: options.minPosts ?? REPUBLISH_DEFAULTS.minPosts,
    perChannel: options.perChannel ?? REPUBLISH_DEFAULTS.perChannel
  }
  const today = dayNumber(o.today)
  // Latest appearance of each original: itself, or any copy of it that is planned or out.
  const lastSeen = new Map<string, number>()
  const copies = new Map<string, string>()
  for (const it of items) {
    const from = copiedFrom(it.brief)
    if (from === null) continue
    if (it.status !== 'cancelled' && !copies.has(from)) copies.set(from, it.id)
    if (it.day !== null) lastSeen.set(from, Math.max(lastSeen.get(from) ?? -Infinity, dayNumber(it.day)))
  }
  const published = items.filter(
    (it): it is RepublishItem & { channelId: string; day: string } =>
      it.status === 'published' && it.channelId !== null && it.day !== null && it.day <= o.today && copiedFrom(it.brief) === null
  )
  const byChannel = new Map<string, (RepublishItem & { channelId: string; day: string })[]>()
  for (const it of published) {
    const list = byChannel.get(it.channelId) ?? []
    list.push(it)
    byChannel.set(it.channelId, list)
  }

  const candidates: RepublishCandidate[] = []
  const tooFewPosts: RepublishAdvice['tooFewPosts'] = []
  for (const [channelId, posts] of [...byChannel].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (posts.length < o.minPosts) {
      tooFewPosts.push({ channelId, posts: posts.length })
      continue
    }
    const lifts = liftsByQuarter(posts)
    const threshold = quantile([...lifts.values()], 0.75)
    const offered = posts
      .filter((p) => (lifts.get(p.id) ?? 0) >= threshold && (lifts.get(p.id) ?? 0) > 0 && isEvergreen(p))
      .filter((p) => today - Math.max(dayNumber(p.day), lastSeen.get(p.id) ?? -Infinity) >= o.coolDownDays)
      .sort((a, b) => (lifts.get(b.id) ?? 0) - (lifts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, o.perChannel)
    for (const p of offered) {
      const lift = lifts.get(p.id) ?? 0
      const daysSince = today - dayNumber(p.day)
      candidates.push({
        itemId: p.id,
        channelId,
        title: p.title,
        publishedOn: p.day,
        daysSince,
        lift,
        threshold,
        copyId: copies.get(p.id) ?? null,
        reason: `${fmt(lift)}× the channel's typical post (top quarter from ${fmt(threshold)}×), out ${daysSince} days ago`
      })
    }
  }
  candidates.sort((a, b) => b.lift - a.lift || (a.itemId < b.itemId ? -1 : 1))
  return { coolDownDays: o.coolDownDays, candidates, tooFewPosts }
}

/** Engagements + clicks of each post ÷ the median of the same channel's posts in its quarter. */
function liftsByQuarter(posts: readonly (RepublishItem & { day: string })[]): Map<string, number> {
  // Quarter as a number (year × 4 + quarter index) and results, computed once per post.
  const keys = posts.map((p) => Number(p.day.slice(0, 4)) * 4 + Math.floor((Number(p.day.slice(5, 7)) - 1) / 3))
  const values = posts.map((p) => (p.engagements ?? 0) + (p.clicks ?? 0))
  const groups = new Map<number, number[]>()
  keys.forEach((k, i) => {
    const g = groups.get(k) ?? []
    g.push(values[i] ?? 0)
    groups.set(k, g)
  })
  const overall = quantile(values, 0.5)
  // One median per quarter, not per post: 100k items share a few dozen quarters.
  const typical = new Map([...groups].map(([q, g]) => [q, g.length >= 3 ? quantile(g, 0.5) : overall]))
  const out = new Map<string, number>()
  posts.forEach((p, i) => {
    const t = typical.get(keys[i] ?? 0) ?? overall
    out.set(p.id, t > 0 ? (values[i] ?? 0) / t : 0)
  })
  return out
}

/** Linear-interpolated quantile (type 7, as spreadsheets compute it). */
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return 0
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo)
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000)
}

function fmt(x: number): string {
  return (Math.round(x * 10) / 10).toFixed(1)
}
