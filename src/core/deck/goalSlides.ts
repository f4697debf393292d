import { enumLabels } from '../domain/enums'
import { goalStatusLabels, goalStatusRules, PROJECTION_METHOD, type GoalProgress, type GoalStatus } from '../goals/goalProgress'
import { quarter, shortDate } from '../goals/quarter'
import { channelVerdict } from './channelVerdict'
import type { DeckContext } from './deckContext'
import type { DeckGoal, DeckHoursRow } from './deckInput'
import type { DeckBlock, DeckTextLine, SlideDraft } from './deckModel'
import { format } from './format'

/** Executive summary and one slide per goal of the quarter. */
export function goalSlides(ctx: DeckContext): SlideDraft[] {
  return [summarySlide(ctx), ...ctx.goals.map((g) => goalSlide(ctx, g))]
}

const HIT: readonly GoalStatus[] = ['achieved']
const ON_COURSE: readonly GoalStatus[] = ['on_track']

export function goalLine(g: DeckGoal, p: GoalProgress): string {
  const target = p.target === null ? 'no target' : `target ${format.withUnit(p.target, p.unit)} (baseline ${format.num(p.baseline, 1)})`
  if (p.current === null) return `${p.statusLabel}: ${g.objective}. No ${g.kpiName} measurement this quarter; ${target}.`
  const way = p.progress === null ? '' : `, ${format.pct(p.progress)} of the way`
  return `${p.statusLabel}: ${g.objective}. ${g.kpiName} ${format.withUnit(p.current, p.unit)} vs ${target}${way}.`
}

function progressOf(ctx: DeckContext, g: DeckGoal): GoalProgress {
  const p = ctx.progress.get(g.id)
  if (p === undefined) throw new Error(`No progress computed for the goal "${g.objective}"`)
  return p
}

/** The goal that went best and the one that went worst, by share of the way to target (goals with a target and data). */
export function winAndMiss(ctx: DeckContext): { win: DeckGoal | null; miss: DeckGoal | null } {
  const scored = ctx.goals
    .map((g) => ({ g, p: progressOf(ctx, g) }))
    .filter((x): x is { g: DeckGoal; p: GoalProgress & { progress: number } } => x.p.progress !== null)
  const best = scored.toSorted((a, b) => b.p.progress - a.p.progress)[0]
  const worst = scored.filter((x) => x.g !== best?.g && !HIT.includes(x.p.status)).toSorted((a, b) => a.p.progress - b.p.progress)[0]
  return { win: best?.g ?? null, miss: worst?.g ?? null }
}

/**
 * The one decision the deck asks for, from the allocation: the biggest move of hours between
 * channels, and extra hours or money if the plan needs them. Plain words, numbers included.
 */
export function decisionAsked(ctx: DeckContext): string {
  const next = quarter.next(ctx.qr).key
  const rows = ctx.input.hours
  if (rows.length === 0) return `Set the channels' estimates on Priorities so a split of hours for ${next} can be proposed.`
  const name = (id: string): string => ctx.channelName(id)
  const grow = rows.filter((r) => channelVerdict(r) === 'grow').toSorted((a, b) => delta(b) - delta(a))[0]
  const cut = rows.filter((r) => ['trim', 'stop'].includes(channelVerdict(r))).toSorted((a, b) => delta(a) - delta(b))[0]
  const now = sum(rows.map((r) => r.currentHoursPerWeek))
  const then = sum(rows.map((r) => r.recommendedHoursPerWeek))
  const extra = then - now >= 0.5 ? ` This needs ${hours(then - now)} more a week than today's plan (${format.num(now, 1)} h).` : ''
  if (grow === undefined && cut === undefined) return `Keep today's split of ${format.num(now, 1)} hours a week in ${next}: no move between channels is expected to bring more.${extra}`
  const parts = [
    grow === undefined ? null : `give ${name(grow.channelId)} ${hours(delta(grow))} more a week (${format.num(grow.currentHoursPerWeek, 1)} → ${format.num(grow.recommendedHoursPerWeek, 1)})`,
    cut === undefined ? null : `take ${hours(-delta(cut))} a week from ${name(cut.channelId)} (${format.num(cut.currentHoursPerWeek, 1)} → ${format.num(cut.recommendedHoursPerWeek, 1)})`
  ].filter((x) => x !== null)
  return `Agree to ${parts.join(' and ')} in ${next}.${extra}`
}

/**
 * "Biggest miss" when no goal is one: it said "every goal with a target reached it" also when the only
 * measured goal (the biggest win) is short of its target, or when no goal has a measurement yet.
 */
function noMiss(tracked: readonly GoalProgress[], win: GoalProgress | null): string {
  const short = tracked.filter((p) => !HIT.includes(p.status))
  if (tracked.length === 0) return 'None: no goal has a target.'
  if (short.length === 0) return 'None: every goal with a target reached it.'
  const unmeasured = short.filter((p) => p.progress === null).length
  const others = unmeasured === 0 ? '' : `; ${unmeasured} ${unmeasured === 1 ? 'goal has' : 'goals have'} no measurement yet`
  if (win !== null && short.includes(win)) return `None to compare: the goal above is the only one measured so far, and it has not reached its target${others}.`
  return `None measured yet: ${unmeasured} ${unmeasured === 1 ? 'goal with a target has' : 'goals with a target have'} no measurement this quarter.`
}

/** The note the team typed on a goal, printed under it. */
function goalNote(g: DeckGoal | null): DeckTextLine[] {
  return g === null || g.notes.trim() === '' ? [] : [{ text: `Team note: ${g.notes.trim()}`, level: 1 }]
}

const hours = (h: number): string => `${format.num(h, 1)} ${format.num(h, 1) === '1' ? 'hour' : 'hours'}`
const delta = (r: DeckHoursRow): number => r.recommendedHoursPerWeek - r.currentHoursPerWeek
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

function summarySlide(ctx: DeckContext): SlideDraft {
  const title = 'Executive summary'
  if (ctx.goals.length === 0) {
    return {
      key: 'summary',
      title,
      blocks: [{ kind: 'text', lines: [{ text: 'The one decision asked', bold: true }, { text: decisionAsked(ctx), level: 1 }] }],
      speakerNotes: `No goal has ${ctx.qr.key} as its quarter, so there is no win or miss to report. Goals are set on the Goals screen.`,
      emptyMessage: `No goals were set for ${ctx.qr.key}.`
    }
  }
  const all = ctx.goals.map((g) => progressOf(ctx, g))
  const tracked = all.filter((p) => p.target !== null)
  const hit = tracked.filter((p) => HIT.includes(p.status)).length
  const onCourse = tracked.filter((p) => ON_COURSE.includes(p.status)).length
  const untargeted = all.length - tracked.length
  const noTarget = untargeted === 0 ? '' : ` ${untargeted} ${untargeted === 1 ? 'goal has' : 'goals have'} no target.`
  // A goal with no measurement yet is neither on track nor behind: it was counted "at risk or behind".
  const unmeasured = tracked.filter((p) => p.status === 'no_data' || p.status === 'not_started').length
  const waiting = unmeasured === 0 ? '' : `, ${unmeasured} with no measurement yet`
  const headline = ctx.interim
    ? `Interim, as of ${shortDate(ctx.asOf)}: ${hit} of ${tracked.length} goals hit so far, ${onCourse} on track, ${tracked.length - hit - onCourse - unmeasured} at risk or behind${waiting}.${noTarget}`
    : `${hit} of ${tracked.length} goals hit, ${tracked.length - hit} missed.${noTarget}`
  const { win, miss } = winAndMiss(ctx)
  const winText = win === null ? 'No goal has a target and a measurement yet.' : goalLine(win, progressOf(ctx, win))
  const missText = miss !== null ? goalLine(miss, progressOf(ctx, miss)) : noMiss(tracked, win === null ? null : progressOf(ctx, win))
  const prevAll = ctx.prevGoals.map((g) => ctx.prevProgress.get(g.id)).filter((p) => p !== undefined && p.target !== null)
  const prevLine =
    prevAll.length === 0
      ? `No goals with a target were set for ${ctx.prev.key}.`
      : `${ctx.prev.key}: ${prevAll.filter((p) => p?.status === 'achieved').length} of ${prevAll.length} goals hit.`
  return {
    key: 'summary',
    title,
    blocks: [
      {
        kind: 'text',
        lines: [
          { text: headline, bold: true },
          { text: 'Biggest win', bold: true },
          { text: winText, level: 1 },
          ...goalNote(win),
          { text: 'Biggest miss', bold: true },
          { text: missText, level: 1 },
          ...goalNote(miss),
          { text: 'The one decision asked', bold: true },
          { text: decisionAsked(ctx), level: 1 },
          { text: prevLine }
        ]
      }
    ],
    speakerNotes: [
      `Biggest win: the goal of ${ctx.qr.key} furthest along the way from baseline to target; biggest miss: the one least far along that did not reach it.`,
      `The decision comes from the split of hours for ${quarter.next(ctx.qr).key} on the "next quarter" slide (${ctx.input.scenario}).`,
      'Status rules: ' + (['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data', 'no_target'] as const).map((s) => `${goalStatusLabels[s]}: ${goalStatusRules[s]}`).join(' '),
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
  const goalTarget = p.target
  const plan = goalTarget === null ? null : weeks.map((w) => p.baseline + ((goalTarget - p.baseline) * (quarter.dayIndex(ctx.qr, w.end) + 1)) / ctx.qr.days)
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
        title: plan === null ? `${g.kpiName}: actual (no target)` : `${g.kpiName}: actual vs target`,
        categories: weeks.map((w) => w.label),
        series: [
          { name: 'Actual', values: actual.map((v) => (v === null ? null : round2(v))) },
          ...(plan === null ? [] : [{ name: 'Plan to target', values: plan.map(round2) }]),
          ...(trend === null ? [] : [{ name: 'Trend', values: trend }])
        ],
        valueAxis: unitAxis
      }
    })
  }
  const pace = p.target === null ? '– (no target)' : p.paceNeededPerWeek === null ? '– (quarter over)' : `${format.withUnit(p.paceNeededPerWeek, p.unit)} per week`
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
      ['Target', p.target === null ? 'no target' : format.withUnit(p.target, p.unit)],
      ['Latest', p.current === null ? '–' : `${format.withUnit(p.current, p.unit)} (${p.currentDate})`],
      ['Progress', format.pct(p.progress)],
      ['Pace needed', pace],
      ['Trend', p.trendPerWeek === null ? '–' : `${format.delta(p.trendPerWeek)}${p.unit === '' ? '' : ` ${p.unit}`} per week`],
      ['Projected at quarter end', format.withUnit(p.projected, p.unit)]
    ],
    footnote: p.direction === 'down' ? 'Lower is better for this goal.' : null
  })
  blocks.push(contributionTable(ctx, g))
  if (g.notes.trim() !== '') blocks.push({ kind: 'note', title: 'Goal notes', lines: [g.notes.trim()] })

  return {
    key: `goal:${g.id}`,
    title: g.objective,
    blocks,
    speakerNotes: [
      `${g.kpiName} for the goal "${g.objective}" (driver: ${enumLabels[g.driver] ?? g.driver}; owner: ${ctx.memberName(g.ownerId)}; priority ${g.priority} of 5).`,
      `${p.statusLabel}. ${p.reason} Rule: ${goalStatusRules[p.status]}`,
      `Projection: ${PROJECTION_METHOD}`,
      p.target === null
        ? 'The goal has no target, so there is no pace to keep.'
        : p.paceNeededPerWeek === null
        ? 'The quarter is over, so no pace is needed any more.'
        : `Pace needed: the change per week from the latest value to the target over the ${format.num((ctx.qr.days - p.elapsedDays) / 7, 1)} weeks left.`,
      `Weeks run from the quarter's first day (W1 starts ${ctx.qr.start}); "Actual" is the last value known at each week's end. Source: ${p.series.length} goal measurements recorded up to ${ctx.asOf}${ledgerNote(ctx.input.measurements, g.id, ctx.asOf)}.`,
      'Contributing channels: KPI units recorded as results on published content linked to this goal, grouped by channel.',
      ...(movedByChannels(ctx, g) ? [] : [NOT_MOVED_NOTE])
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
  const linked = movedByChannels(ctx, g)
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
    // One line fits under the table; the speaker notes say the rest (NOT_MOVED_NOTE).
    footnote: !linked
      ? rows.length === 0
        ? 'Nothing linked to this goal: not predicted, no hours.'
        : 'No channel linked to this goal: not predicted, no hours.'
      : rows.length === 0
        ? 'No published content or channel is linked to this goal.'
        : rows.length > 6
          ? `And ${rows.length - 6} more channels with smaller shares.`
          : null
  }
}

const NOT_MOVED_NOTE =
  'No channel’s estimates link to this goal, so posting does not move it: the priority model does not predict it from the plan and gives it no hours. It is tracked by hand; link it to the channels that move it to have it predicted.'

/**
 * The priority model's rule (goalState.ts): a goal no channel links to is not moved by posting. Only
 * said of the quarter under way: links name the goals the team works on now, so a past quarter's goal
 * would look unlinked although its KPI is served.
 */
function movedByChannels(ctx: DeckContext, g: DeckGoal): boolean {
  return !ctx.interim || ctx.channels.some((ch) => ch.goalLinks.some((l) => l.goalId === g.id))
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}

/** The outcome ledger's share of a goal's measurements (issue #15), named as a source; '' without a ledger. */
function ledgerNote(ms: readonly { goalId: string | null; date: string; source: string }[], goalId: string, asOf: string): string {
  const n = ms.filter((m) => m.goalId === goalId && m.source === 'results ledger' && m.date <= asOf).length
  return n === 0 ? '' : `, of which ${n} from the outcome ledger (analytics and CRM results imported with smo results)`
}
