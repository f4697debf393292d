import { enumLabels } from '../domain/enums'
import { goalStatusLabels, goalStatusRules, PROJECTION_METHOD, type GoalProgress, type GoalStatus } from '../goals/goalProgress'
import { quarter } from '../goals/quarter'
import type { DeckContext } from './deckContext'
import type { DeckGoal } from './deckInput'
import type { DeckBlock, SlideDraft } from './deckModel'
import { format } from './format'

/** Executive summary and one slide per goal of the quarter. */
export function goalSlides(ctx: DeckContext): SlideDraft[] {
  return [summarySlide(ctx), ...ctx.goals.map((g) => goalSlide(ctx, g))]
}

const HIT: readonly GoalStatus[] = ['achieved']
const ON_COURSE: readonly GoalStatus[] = ['on_track']

export function goalLine(g: DeckGoal, p: GoalProgress): string {
  const target = `target ${format.withUnit(p.target, p.unit)} (baseline ${format.num(p.baseline, 1)}`
  if (p.current === null) return `${p.statusLabel}: ${g.objective}. No ${g.kpiName} measurement this quarter; ${target})`
  return `${p.statusLabel}: ${g.objective}. ${g.kpiName} ${format.withUnit(p.current, p.unit)} vs ${target}; ${format.pct(p.progress)} of the way)`
}

function progressOf(ctx: DeckContext, g: DeckGoal): GoalProgress {
  const p = ctx.progress.get(g.id)
  if (p === undefined) throw new Error(`No progress for goal ${g.id}`)
  return p
}

function summarySlide(ctx: DeckContext): SlideDraft {
  const title = 'Executive summary'
  if (ctx.goals.length === 0) {
    return {
      key: 'summary',
      title,
      blocks: [],
      speakerNotes: `No goal has ${ctx.qr.key} as its quarter, so there is nothing to summarise. Goals are set on the Goals screen.`,
      emptyMessage: `No goals were set for ${ctx.qr.key}.`
    }
  }
  const all = ctx.goals.map((g) => progressOf(ctx, g))
  const hit = all.filter((p) => HIT.includes(p.status)).length
  const onCourse = all.filter((p) => ON_COURSE.includes(p.status)).length
  const over = ctx.asOf >= ctx.qr.end
  const headline = over
    ? `${hit} of ${all.length} goals hit, ${all.length - hit} missed.`
    : `${hit} of ${all.length} goals hit so far, ${onCourse} on track, ${all.length - hit - onCourse} at risk or behind (as of ${ctx.asOf}).`
  const prevAll = ctx.prevGoals.map((g) => ctx.prevProgress.get(g.id)).filter((p) => p !== undefined)
  const prevLine =
    prevAll.length === 0
      ? `No goals were set for ${ctx.prev.key}.`
      : `${ctx.prev.key}: ${prevAll.filter((p) => p.status === 'achieved').length} of ${prevAll.length} goals hit.`
  const lines = ctx.goals.map((g) => ({ text: goalLine(g, progressOf(ctx, g)), level: 1 as const }))
  return {
    key: 'summary',
    title,
    blocks: [{ kind: 'text', lines: [{ text: headline, bold: true }, ...lines, { text: prevLine }] }],
    speakerNotes: [
      `One line per goal of ${ctx.qr.key}, highest priority first, with the latest measured value against the target.`,
      'Status rules: ' + (['achieved', 'on_track', 'at_risk', 'off_track', 'missed'] as const).map((s) => `${goalStatusLabels[s]}: ${goalStatusRules[s]}`).join(' '),
      `Values are goal measurements recorded in the workspace up to ${ctx.asOf}.`
    ].join('\n'),
    emptyMessage: null
  }
}

function goalSlide(ctx: DeckContext, g: DeckGoal): SlideDraft {
  const p = progressOf(ctx, g)
  const weeks = quarter.weeks(ctx.qr)
  const elapsedWeeks = weeks.filter((w) => w.start <= ctx.asOf).length
  // "Actual" is the KPI level at each week's end: the last value known by then (the baseline before the
  // first measurement); weeks after asOf stay blank rather than pretending to know.
  let known = p.baseline
  const actual = weeks.map((_, i) => {
    const v = p.weekly[i]
    if (v !== null && v !== undefined) known = v
    return i < elapsedWeeks ? known : null
  })
  // A goal without a target gets a flat plan line at the baseline (DECK owns this slide's wording).
  const plan = weeks.map((w) => p.baseline + (((p.target ?? p.baseline) - p.baseline) * (quarter.dayIndex(ctx.qr, w.end) + 1)) / ctx.qr.days)
  const slopePerDay = (p.trendPerWeek ?? 0) / 7
  const trend =
    p.projected === null
      ? null
      : weeks.map((w) => round2((p.projected ?? 0) - slopePerDay * (ctx.qr.days - (quarter.dayIndex(ctx.qr, w.end) + 1))))

  const unitAxis = `${g.kpiName}${p.unit === '' ? '' : ` (${p.unit})`}`
  const blocks: DeckBlock[] = []
  if (p.current === null) {
    blocks.push({ kind: 'text', lines: [{ text: `No measurement recorded for this goal in ${ctx.qr.key}.`, bold: true }, { text: p.reason }] })
  } else {
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'line',
        title: `${g.kpiName}: actual vs target`,
        categories: weeks.map((w) => w.label),
        series: [
          { name: 'Actual', values: actual.map((v) => (v === null ? null : round2(v))) },
          { name: 'Plan to target', values: plan.map(round2) },
          ...(trend === null ? [] : [{ name: 'Trend', values: trend }])
        ],
        valueAxis: unitAxis
      }
    })
  }
  const pace = p.paceNeededPerWeek === null ? '– (quarter over)' : `${format.withUnit(p.paceNeededPerWeek, p.unit)} per week`
  blocks.push({
    kind: 'table',
    title: 'Progress',
    columns: [
      { label: 'Measure', align: 'left', width: 3 },
      { label: 'Value', align: 'right', width: 3 }
    ],
    rows: [
      ['Status', p.statusLabel],
      ['Baseline', format.withUnit(p.baseline, p.unit)],
      ['Target', format.withUnit(p.target, p.unit)],
      ['Latest', p.current === null ? '–' : `${format.withUnit(p.current, p.unit)} (${p.currentDate})`],
      ['Progress', format.pct(p.progress)],
      ['Pace needed', pace],
      ['Trend', p.trendPerWeek === null ? '–' : `${format.delta(p.trendPerWeek)}${p.unit === '' ? '' : ` ${p.unit}`} per week`],
      ['Projected at quarter end', format.withUnit(p.projected, p.unit)]
    ],
    footnote: p.direction === 'down' ? 'Lower is better for this goal.' : null
  })
  blocks.push(contributionTable(ctx, g))

  return {
    key: `goal:${g.id}`,
    title: g.objective,
    blocks,
    speakerNotes: [
      `${g.kpiName} for the goal "${g.objective}" (driver: ${enumLabels[g.driver] ?? g.driver}; owner: ${ctx.memberName(g.ownerId)}; priority ${g.priority} of 5).`,
      `${p.statusLabel}. ${p.reason} Rule: ${goalStatusRules[p.status]}`,
      `Projection: ${PROJECTION_METHOD}`,
      p.paceNeededPerWeek === null
        ? 'The quarter is over, so no pace is needed any more.'
        : `Pace needed: the change per week from the latest value to the target over the ${format.num((ctx.qr.days - p.elapsedDays) / 7, 1)} weeks left.`,
      `Weeks run from the quarter's first day (W1 starts ${ctx.qr.start}); "Actual" is the last value known at each week's end. Source: ${p.series.length} goal measurements recorded up to ${ctx.asOf}.`,
      'Contributing channels: KPI units recorded as results on published content linked to this goal, grouped by channel.'
    ].join('\n'),
    emptyMessage: null
  }
}

function contributionTable(ctx: DeckContext, g: DeckGoal): DeckBlock {
  const per = new Map<string, { items: number; units: number }>()
  let total = 0
  for (const c of ctx.published) {
    if (c.goalId !== g.id) continue
    const key = c.channelId ?? ''
    const row = per.get(key) ?? { items: 0, units: 0 }
    row.items += 1
    row.units += c.resultConversions ?? 0
    total += c.resultConversions ?? 0
    per.set(key, row)
  }
  // Channels linked to the goal in their estimates appear even with nothing published, so a gap shows.
  for (const ch of ctx.channels) {
    if (ch.goalLinks.some((l) => l.goalId === g.id) && !per.has(ch.id)) per.set(ch.id, { items: 0, units: 0 })
  }
  const rows = [...per.entries()]
    .map(([id, r]) => ({ name: ctx.channelName(id === '' ? null : id), ...r }))
    .toSorted((a, b) => b.units - a.units || b.items - a.items || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    kind: 'table',
    title: 'Contributing channels',
    columns: [
      { label: 'Channel', align: 'left', width: 4 },
      { label: 'Items', align: 'right', width: 1.5 },
      { label: 'KPI units', align: 'right', width: 2 },
      { label: 'Share', align: 'right', width: 1.5 }
    ],
    rows: rows.slice(0, 6).map((r) => [r.name, format.num(r.items), format.num(r.units, 1), total > 0 ? format.pct(r.units / total) : '–']),
    footnote:
      rows.length === 0
        ? 'No published content or channel is linked to this goal.'
        : rows.length > 6
          ? `And ${rows.length - 6} more channels with smaller shares.`
          : null
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}
