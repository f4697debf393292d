import { enumLabels } from '../domain/enums'
import { quarter } from '../goals/quarter'
import { itemDay, type DeckContext } from './deckContext'
import type { DeckChannel, DeckContentItem } from './deckInput'
import type { DeckTextLine, SlideDraft } from './deckModel'
import { format } from './format'

/** Channel scorecard, priority matrix, output vs plan with cadence adherence, and top content. */
export function channelSlides(ctx: DeckContext): SlideDraft[] {
  const cur = channelStats(ctx, ctx.published, 3 * Math.min(1, (quarter.dayIndex(ctx.qr, ctx.asOf) + 1) / ctx.qr.days))
  const prev = channelStats(ctx, ctx.prevPublished, 3)
  return [scorecard(ctx, cur, prev), matrix(ctx, cur), output(ctx), topContent(ctx)]
}

export type ChannelStat = { channel: DeckChannel; posts: number; hours: number; reach: number; units: number; perHour: number | null }

/**
 * Effort is the hours recorded on published content plus the channel's fixed monthly hours for the
 * months elapsed; fixed hours count for channels active now or that published in the period.
 * Impact is the KPI units (results) recorded on that content toward count goals (or no goal): a money
 * goal's results are amounts (12,000 € of pipeline is not 12,000 units, and summed with requests it
 * made one channel 300 "units" an hour), and a rate is a level, not a pile; both have slides of their own.
 */
export function channelStats(ctx: DeckContext, published: readonly DeckContentItem[], months: number): ChannelStat[] {
  const kindOf = new Map(ctx.input.goals.map((g) => [g.id, g.kind]))
  const acc = new Map<string, { posts: number; hours: number; reach: number; units: number }>()
  for (const c of published) {
    if (c.channelId === null) continue
    const a = acc.get(c.channelId) ?? { posts: 0, hours: 0, reach: 0, units: 0 }
    a.posts += 1
    a.hours += c.effortHours
    a.reach += c.resultReach ?? 0
    const kind = c.goalId === null ? undefined : kindOf.get(c.goalId)
    if (kind === undefined || kind === 'count') a.units += c.resultConversions ?? 0
    acc.set(c.channelId, a)
  }
  const out: ChannelStat[] = []
  for (const ch of ctx.channels) {
    const a = acc.get(ch.id)
    if (a === undefined && ch.status !== 'active') continue
    const base = a ?? { posts: 0, hours: 0, reach: 0, units: 0 }
    const hours = base.hours + ch.fixedHoursPerMonth * months
    out.push({ channel: ch, ...base, hours, perHour: hours > 0 ? base.units / hours : null })
  }
  return out
}

function scorecard(ctx: DeckContext, cur: ChannelStat[], prev: ChannelStat[]): SlideDraft {
  const title = 'Channel scorecard'
  if (cur.length === 0) {
    return {
      key: 'channels',
      title,
      blocks: [],
      speakerNotes: 'No channel was active or published anything this quarter.',
      emptyMessage: 'No channel was active or published content this quarter.'
    }
  }
  const prevById = new Map(prev.map((s) => [s.channel.id, s]))
  const rows = cur.toSorted((a, b) => (b.perHour ?? -1) - (a.perHour ?? -1) || b.units - a.units || cmp(a.channel.name, b.channel.name))
  return {
    key: 'channels',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          horizontal: true,
          title: 'KPI units per hour of effort',
          categories: rows.map((r) => r.channel.name),
          // A series with nothing in it would only add an empty legend entry.
          series: nonEmpty([
            { name: ctx.qr.key, values: rows.map((r) => round2(r.perHour ?? 0)) },
            { name: ctx.prev.key, values: rows.map((r) => round2(prevById.get(r.channel.id)?.perHour ?? 0)) }
          ]),
          valueAxis: 'KPI units per hour'
        }
      },
      {
        kind: 'table',
        title: 'This quarter vs the previous one',
        columns: [
          { label: 'Channel', align: 'left', width: 3 },
          { label: 'Posts', align: 'right', width: 1.3 },
          { label: 'Effort h', align: 'right', width: 1.5 },
          { label: 'KPI units', align: 'right', width: 1.6 },
          { label: 'Units/h', align: 'right', width: 1.4 },
          { label: 'vs prev.', align: 'right', width: 1.4 }
        ],
        rows: rows.map((r) => [
          r.channel.name,
          format.num(r.posts),
          format.num(r.hours, 1),
          format.num(r.units, 1),
          format.num(r.perHour, 2),
          format.change(r.perHour, prevById.get(r.channel.id)?.perHour ?? null)
        ]),
        footnote: null
      }
    ],
    speakerNotes: [
      `Each channel active now or that published in ${ctx.qr.key} up to ${ctx.asOf}, best impact per hour first.`,
      'Effort: hours recorded on published content plus the channel\'s fixed monthly hours for the months elapsed.',
      'Impact: KPI units (leads, sign-ups, mentions…) recorded as results on that content toward count goals; money (pipeline, revenue) and rates are not added in: they are on the results and goal slides.',
      `"vs prev." compares units per hour with ${ctx.prev.key}; "new" means the channel had effort but no units, or no effort, then.`
    ].join('\n'),
    emptyMessage: null
  }
}

function matrix(ctx: DeckContext, cur: ChannelStat[]): SlideDraft {
  const title = 'Priority matrix: impact vs effort'
  const pts = cur.filter((s) => s.hours > 0 || s.units > 0).toSorted((a, b) => cmp(a.channel.name, b.channel.name))
  if (pts.length === 0) {
    return {
      key: 'matrix',
      title,
      blocks: [],
      speakerNotes: 'The matrix plots each channel\'s effort against its impact; no channel recorded either this quarter.',
      emptyMessage: 'No channel recorded effort or results this quarter.'
    }
  }
  const mh = median(pts.map((p) => p.hours))
  const mu = median(pts.map((p) => p.units))
  // Dots carry numbers, not names: names collide on a small chart in every viewer. Dots whose labels would
  // touch (a label is about 8 % of the width and 7 % of the height) share one label ("3, 7").
  const number = new Map(pts.map((p, i) => [p.channel.id, i + 1]))
  const labels = dotLabels(pts.map((p) => ({ x: p.hours, y: p.units, n: number.get(p.channel.id) ?? 0 })))
  const group = (hi: boolean, cheap: boolean): DeckTextLine[] => {
    const mine = pts.filter((p) => (p.units >= mu) === hi && (p.hours < mh) === cheap)
    return mine.length === 0 ? [{ text: 'none', level: 1 }] : mine.map((p) => ({ text: `${number.get(p.channel.id) ?? ''} · ${p.channel.name}`, level: 1 }))
  }
  // The quadrants describe this quarter only; verdicts for next quarter come from the allocation
  // (next-quarter slide), so they are never named here.

  return {
    key: 'matrix',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'scatter',
          title: 'Impact vs effort by channel',
          xAxis: 'Effort (hours this quarter)',
          yAxis: 'Impact (KPI units)',
          points: pts.map((p, i) => ({ label: labels[i] ?? '', x: round2(p.hours), y: round2(p.units) }))
        }
      },
      {
        kind: 'text',
        lines: [
          { text: 'More results, fewer hours', bold: true },
          ...group(true, true),
          { text: 'More results, more hours', bold: true },
          ...group(true, false),
          { text: 'Fewer results, fewer hours', bold: true },
          ...group(false, true),
          { text: 'Fewer results, more hours', bold: true },
          ...group(false, false),
          { text: `What each channel gets in ${quarter.next(ctx.qr).key} is on the next-quarter slide.` }
        ]
      }
    ],
    speakerNotes: [
      'Each dot is a channel: effort in hours this quarter (x) against KPI units produced (y), as on the scorecard.',
      `The quadrants split at the medians: ${format.num(mh, 1)} hours and ${format.num(mu, 1)} KPI units.`,
      'The matrix describes this quarter; the hours for next quarter come from the priority model and are on the next-quarter slide.'
    ].join('\n'),
    emptyMessage: null
  }
}

/**
 * Cadence adherence: the share of elapsed weeks that ended with the channel's cumulative published
 * count at or above its cadence plan (cadence × weeks so far, rounded down). Cumulative, so a channel
 * that posts every other week at a cadence of 0.5 adheres fully.
 */
export function cadenceAdherence(ctx: DeckContext, ch: DeckChannel, published: readonly DeckContentItem[]): number | null {
  const weeks = quarter.weeks(ctx.qr).filter((w) => w.end <= ctx.asOf)
  if (ch.cadencePerWeek <= 0 || weeks.length === 0) return null
  const perWeek = Array.from({ length: 13 }, () => 0)
  for (const c of published) {
    const d = itemDay(c)
    if (c.channelId === ch.id && d !== null) perWeek[quarter.weekIndex(ctx.qr, d)] = (perWeek[quarter.weekIndex(ctx.qr, d)] ?? 0) + 1
  }
  let cum = 0
  let ok = 0
  weeks.forEach((w, i) => {
    cum += perWeek[i] ?? 0
    if (cum >= Math.floor(ch.cadencePerWeek * (i + 1) + 1e-9)) ok += 1
  })
  return ok / weeks.length
}

function output(ctx: DeckContext): SlideDraft {
  const title = 'Content output vs plan'
  const weeksSoFar = Math.min(13, (quarter.dayIndex(ctx.qr, ctx.asOf) + 1) / 7)
  const rows = ctx.channels
    .map((ch) => {
      const mine = ctx.items.filter((c) => c.channelId === ch.id)
      const published = mine.filter((c) => c.status === 'published')
      return {
        ch,
        target: ch.cadencePerWeek * weeksSoFar,
        planned: mine.filter((c) => c.status !== 'cancelled').length,
        published: published.length,
        adherence: cadenceAdherence(ctx, ch, published)
      }
    })
    .filter((r) => r.published > 0 || r.planned > 0 || (r.ch.status === 'active' && r.ch.cadencePerWeek > 0))
  if (rows.length === 0) {
    return {
      key: 'output',
      title,
      blocks: [],
      speakerNotes: 'No channel had a cadence target, planned content or published content this quarter.',
      emptyMessage: 'No content was planned or published this quarter.'
    }
  }
  return {
    key: 'output',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: 'Posts: cadence target vs published',
          // Channel names across the bottom showed one in four, the outer ones cut at the chart's edges.
          horizontal: true,
          categories: rows.map((r) => r.ch.name),
          series: [
            { name: 'Cadence target', values: rows.map((r) => round2(r.target)) },
            { name: 'Published', values: rows.map((r) => r.published) }
          ],
          valueAxis: 'Posts'
        }
      },
      {
        kind: 'table',
        title: 'By channel',
        columns: [
          // The two last headings were cut ("vs targ…", "Cadence ke…"): wider, and "On pace" for "Cadence kept".
          { label: 'Channel', align: 'left', width: 2.9 },
          { label: 'Target', align: 'right', width: 1.2 },
          { label: 'Planned', align: 'right', width: 1.4 },
          { label: 'Published', align: 'right', width: 1.6 },
          { label: 'vs target', align: 'right', width: 1.8 },
          { label: 'On pace', align: 'right', width: 1.6 }
        ],
        rows: rows.map((r) => [
          r.ch.name,
          format.num(r.target, 1),
          format.num(r.planned),
          format.num(r.published),
          r.target > 0 ? format.pct(r.published / r.target) : '–',
          format.pct(r.adherence)
        ]),
        footnote: null
      }
    ],
    speakerNotes: [
      `Target: the channel's cadence (posts per week) × ${format.num(weeksSoFar, 1)} weeks elapsed. Planned: content items dated in the quarter up to ${ctx.asOf}, any status but cancelled. Published: those with status published.`,
      'On pace: the share of finished weeks that ended with the cumulative published count at or above the cadence plan so far.',
      'Dates are the publish time (UTC day), else the planned date.'
    ].join('\n'),
    emptyMessage: null
  }
}

function topContent(ctx: DeckContext): SlideDraft {
  const title = 'Top content by results'
  // Items are ranked by the share of their goal's way to target they brought: 12,000 € of pipeline and
  // 14 demo requests are not comparable as numbers (the euros always came first), as shares they are.
  // Items toward no goal, or a rate goal (a level, not a pile), come after, by their results.
  const goals = new Map(ctx.input.goals.map((g) => [g.id, g]))
  const goalOf = (c: DeckContentItem) => (c.goalId === null ? undefined : goals.get(c.goalId))
  const shareOf = (c: DeckContentItem): number | null => {
    const g = goalOf(c)
    if (g === undefined || g.kind === 'rate' || g.target === null || g.target === g.baseline || c.resultConversions === null) return null
    return c.resultConversions / Math.abs(g.target - g.baseline)
  }
  const top = ctx.published
    .map((c) => ({ c, share: shareOf(c) }))
    .toSorted(
      (a, b) =>
        (b.share ?? -1) - (a.share ?? -1) ||
        (b.c.resultConversions ?? 0) - (a.c.resultConversions ?? 0) ||
        (b.c.resultReach ?? 0) - (a.c.resultReach ?? 0) ||
        cmp(a.c.title, b.c.title) ||
        cmp(a.c.id, b.c.id)
    )
    .slice(0, 10)
  if (top.length === 0) {
    return { key: 'top-content', title, blocks: [], speakerNotes: 'Nothing was published this quarter.', emptyMessage: 'No content was published this quarter.' }
  }
  return {
    key: 'top-content',
    title,
    blocks: [
      {
        kind: 'table',
        title: `Top ${top.length} of ${ctx.published.length} published items`,
        columns: [
          { label: 'Title', align: 'left', width: 4.8 },
          { label: 'Channel', align: 'left', width: 2.4 },
          { label: 'Published', align: 'left', width: 1.7 },
          { label: 'Reach', align: 'right', width: 1.4 },
          { label: 'Engagements', align: 'right', width: 1.8 },
          { label: 'Result', align: 'right', width: 2.2 },
          { label: 'Of target', align: 'right', width: 1.6 }
        ],
        rows: top.map(({ c, share }) => [
          c.title,
          ctx.channelName(c.channelId),
          itemDay(c) ?? '–',
          format.num(c.resultReach),
          format.num(c.resultEngagements),
          format.withUnit(c.resultConversions, goalOf(c)?.kpiUnit ?? ''),
          // One post is often a small share: 0.3 % is not 0 %.
          share !== null && share > 0 && share < 0.1 ? `${format.num(share * 100, 1)}%` : format.pct(share)
        ]),
        footnote: null
      }
    ],
    speakerNotes: `Published content of ${ctx.qr.key} ranked by the share of its goal's way from baseline to target each item brought ("Of target"), then by its result and reach; items toward no goal, or a rate goal, come after. Results are entered on each item after publishing (${enumLabels.published ?? 'Published'} status), in the unit of its goal.`,
    emptyMessage: null
  }
}

/**
 * Numbers for the dots, each drawn above its dot. Dots whose labels would touch share one label
 * ("3, 7") on the first of them. A label is as wide as its text (about 1.4 % of the chart's width a
 * character, plus a margin) and 7 % of its height: with a fixed width, a shared label "2, 3, 8, 10, 11"
 * was drawn over its neighbours' ("10" over "1,"). Merging repeats until no two labels touch.
 */
export function dotLabels(dots: readonly { x: number; y: number; n: number }[]): string[] {
  const span = (vs: number[]): number => Math.max(1e-9, Math.max(...vs) - Math.min(0, ...vs))
  const sx = span(dots.map((d) => d.x))
  const sy = span(dots.map((d) => d.y))
  // Groups by their first dot (the one that carries the label); members in dot order.
  const groups = dots.map((_, i) => [i])
  const text = (g: number[]): string => g.map((i) => dots[i]?.n ?? 0).join(', ')
  const width = (g: number[]): number => Math.max(0.08, text(g).length * 0.014 + 0.03)
  const touch = (a: number[], b: number[]): boolean => {
    const da = dots[a[0] ?? 0]
    const db = dots[b[0] ?? 0]
    if (da === undefined || db === undefined) return false
    return Math.abs(da.y - db.y) / sy < 0.07 && Math.abs(da.x - db.x) / sx < (width(a) + width(b)) / 2
  }
  for (let merged = true; merged; ) {
    merged = false
    for (let a = 0; a < groups.length && !merged; a++) {
      const ga = groups[a] ?? []
      if (ga.length === 0) continue
      for (let b = a + 1; b < groups.length; b++) {
        const gb = groups[b] ?? []
        if (gb.length === 0 || !touch(ga, gb)) continue
        ga.push(...gb)
        ga.sort((x, y) => x - y)
        groups[b] = []
        merged = true
        break
      }
    }
  }
  return dots.map((_, i) => ((groups[i] ?? []).length > 0 ? text(groups[i] ?? []) : ''))
}

export function nonEmpty<T extends { values: readonly (number | null)[] }>(series: readonly T[]): T[] {
  const kept = series.filter((s) => s.values.some((v) => v !== null && v !== 0))
  return kept.length === 0 ? series.slice(0, 1) : kept
}

export function median(xs: readonly number[]): number {
  const s = xs.toSorted((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length === 0 ? 0 : s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}
