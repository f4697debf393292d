import type { Goal } from '../domain/goal'
import type { Measurement } from '../domain/measurement'
import { quarter as quarters, type Quarter } from './quarter'

/**
 * Progress of one goal over its quarter: what the Goals screen shows on each card and what the deck
 * prints on each goal slide. Pure; "today" comes in as `asOf` so the same data gives the same answer.
 *
 * A measurement is the KPI's level on its date (e.g. leads so far this quarter, followers, days to
 * first reply), and the baseline is that level at the quarter's start. When the target is below the
 * baseline, lower is better (e.g. response time) and every comparison flips.
 */
export type GoalStatus = 'not_started' | 'no_target' | 'no_data' | 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'missed'

export type GoalProgress = {
  goalId: string
  quarter: string
  direction: 'up' | 'down'
  baseline: number
  /** null: the goal has no target (none set, or one equal to the baseline), so nothing can be "achieved". */
  target: number | null
  unit: string
  /** Measurements of the goal inside the quarter up to asOf, by date. */
  series: { date: string; value: number }[]
  /** The last value of each of the 13 reporting weeks, null for weeks without one. */
  weekly: (number | null)[]
  /** Latest measured value and its date; null without measurements. */
  current: number | null
  currentDate: string | null
  /** Share of the way from baseline to target covered by `current` (1 = target reached); null without data. */
  progress: number | null
  /** Days of the quarter elapsed at asOf (0..days) and the same as a fraction. */
  elapsedDays: number
  elapsedFraction: number
  /** Where a straight line from baseline to target would be at asOf. */
  planNow: number
  /** Change per week needed from `current` (or the baseline) to reach the target by the quarter's end; null once it is over. */
  paceNeededPerWeek: number | null
  /** Slope of the fitted trend, per week; null without data. */
  trendPerWeek: number | null
  /** Value the trend reaches on the quarter's last day; null without data. */
  projected: number | null
  projectedProgress: number | null
  status: GoalStatus
  statusLabel: string
  /** This goal's status explained with its numbers, one sentence. */
  reason: string
}

export const goalStatusLabels: Record<GoalStatus, string> = {
  not_started: 'Not started',
  no_target: 'No target',
  no_data: 'No data',
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  missed: 'Missed'
}

/** Share of the baseline→target distance the projection must reach to count as "at risk" rather than "off track". */
export const AT_RISK_FLOOR = 0.9

export const PROJECTION_METHOD =
  'Least-squares straight line through the baseline at the quarter start and the last measured value of each week so far, extended to the quarter’s last day.'

/** The status rules in words, for the UI's legend and the deck's speaker notes. */
export const goalStatusRules: Record<GoalStatus, string> = {
  not_started: 'The quarter has not started yet.',
  no_target: 'The goal has no target (none was set, or it equals the baseline), so it is tracked but never counted as achieved or missed.',
  no_data: 'The quarter has started but the goal has no measurement in it yet.',
  achieved: 'The latest measured value has reached the target (at or above it; at or below it when lower is better).',
  on_track: 'The trend projects the target or better by the quarter’s last day.',
  at_risk: `The trend projects at least ${AT_RISK_FLOOR * 100} % of the way from baseline to target, but not the target.`,
  off_track: `The trend projects less than ${AT_RISK_FLOOR * 100} % of the way from baseline to target.`,
  missed: 'The quarter is over and the last measured value did not reach the target.'
}

/** `target` may be null (a goal tracked without a target). */
export type GoalProgressGoal = Pick<Goal, 'id' | 'baseline' | 'quarter' | 'kpiUnit'> & Partial<Pick<Goal, 'kind'>> & { target: number | null }
export type GoalProgressMeasurement = Pick<Measurement, 'id' | 'goalId' | 'date' | 'value'>

/**
 * @param measurements any measurements; those of other goals, outside the quarter or after asOf are ignored.
 * @param asOf 'YYYY-MM-DD', the day the report is made (inclusive).
 */
export function goalProgress(
  goal: GoalProgressGoal,
  measurements: readonly GoalProgressMeasurement[],
  asOf: string
): GoalProgress {
  const qr = quarters.of(goal.quarter)
  const { baseline } = goal
  // No target, or a target equal to the baseline (0 → 0 used to count as "achieved" on any value):
  // there is no distance to cover, so the goal is tracked without a verdict. A plain number stands in
  // for the sums below; `hasTarget` keeps it out of every status and sentence.
  const hasTarget = goal.target !== null && goal.target !== baseline
  const target = goal.target ?? baseline
  const direction: 'up' | 'down' = target < baseline ? 'down' : 'up'
  const sign = direction === 'up' ? 1 : -1
  const span = target - baseline
  // Share of the baseline→target distance; a zero span (forbidden by the schema) counts as reached.
  const share = (v: number): number => (span === 0 ? (sign * (v - target) >= 0 ? 1 : 0) : (v - baseline) / span)
  // A projection is a float computation: a tolerance of a billionth keeps rounding noise from deciding a
  // boundary (a trend that lands exactly on the target, or exactly on the at-risk floor).
  const eps = 1e-9 * Math.max(1, Math.abs(target), Math.abs(baseline))
  const reached = (v: number): boolean => sign * (v - target) >= -eps

  // Sorted by date then id so input order never matters; a later ULID is a later entry on the same day.
  const series = measurements
    .filter((m) => m.goalId === goal.id && quarters.contains(qr, m.date) && m.date <= asOf)
    .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => ({ date: m.date, value: m.value }))

  const weekly: (number | null)[] = Array.from({ length: 13 }, () => null)
  const weeklyX: (number | null)[] = Array.from({ length: 13 }, () => null)
  for (const m of series) {
    const w = quarters.weekIndex(qr, m.date)
    weekly[w] = m.value
    weeklyX[w] = quarters.dayIndex(qr, m.date) + 1
  }

  const elapsedDays = Math.min(qr.days, Math.max(0, quarters.dayIndex(qr, asOf) + 1))
  const elapsedFraction = elapsedDays / qr.days
  const planNow = baseline + span * elapsedFraction
  const last = series.at(-1)
  const current = last?.value ?? null
  const over = elapsedDays >= qr.days

  let trendPerWeek: number | null = null
  let projected: number | null = null
  if (last !== undefined) {
    const xs = [0]
    const ys = [baseline]
    weekly.forEach((v, i) => {
      const x = weeklyX[i]
      if (v !== null && x !== null && x !== undefined) {
        xs.push(x)
        ys.push(v)
      }
    })
    const fit = leastSquares(xs, ys)
    trendPerWeek = fit.slope * 7
    projected = fit.at(qr.days)
  }

  const from = current ?? baseline
  const remainingWeeks = (qr.days - elapsedDays) / 7
  const paceNeededPerWeek = over || !hasTarget ? null : reached(from) ? 0 : (target - from) / remainingWeeks
  const projectedProgress = projected === null || !hasTarget ? null : share(projected)

  const status = hasTarget ? decide(qr, asOf, over, current, projected, reached, projectedProgress) : asOf < qr.start ? 'not_started' : 'no_target'
  return {
    goalId: goal.id,
    quarter: qr.key,
    direction,
    baseline,
    target: hasTarget ? target : null,
    unit: goal.kpiUnit,
    series,
    weekly,
    current,
    currentDate: last?.date ?? null,
    progress: current === null || !hasTarget ? null : share(current),
    elapsedDays,
    elapsedFraction,
    planNow: hasTarget ? planNow : baseline,
    paceNeededPerWeek,
    trendPerWeek,
    projected,
    projectedProgress,
    status,
    statusLabel: goalStatusLabels[status],
    reason: explain(status, { current, target, projected, projectedProgress, baseline, unit: goal.kpiUnit, start: qr.start, kind: goal.kind ?? 'count' })
  }
}

function decide(
  qr: Quarter,
  asOf: string,
  over: boolean,
  current: number | null,
  projected: number | null,
  reached: (v: number) => boolean,
  projectedProgress: number | null
): GoalStatus {
  if (asOf < qr.start) return 'not_started'
  if (current === null) return over ? 'missed' : 'no_data'
  if (reached(current)) return 'achieved'
  if (over) return 'missed'
  if (projected !== null && reached(projected)) return 'on_track'
  if (projectedProgress !== null && projectedProgress >= AT_RISK_FLOOR - 1e-9) return 'at_risk'
  return 'off_track'
}

function explain(
  status: GoalStatus,
  n: { current: number | null; target: number; projected: number | null; projectedProgress: number | null; baseline: number; unit: string; start: string; kind: Goal['kind'] }
): string {
  const u = (v: number, short?: 'below' | 'above'): string => `${sentenceFigure(v, n.kind, short)}${n.unit === '' ? '' : ` ${n.unit}`}`
  // A projection that falls short is rounded away from the target, never onto it: "about 200 leads
  // against a target of 200" under an At risk badge would contradict itself.
  const falls = status === 'at_risk' || status === 'off_track'
  const up = n.target >= n.baseline
  const rounded = n.projected === null ? null : roundTo(n.projected, figureDigits(n.projected, n.kind))
  const short = falls && rounded !== null && (up ? rounded >= n.target : rounded <= n.target) ? (up ? 'below' : 'above') : undefined
  // The same for the share: an off-track 89.8 % is not "90 %" (the at-risk floor), an at-risk 99.6 % not "100 %".
  const limit = status === 'off_track' ? AT_RISK_FLOOR * 100 : status === 'at_risk' ? 100 : Infinity
  const roundedShare = n.projectedProgress === null ? null : Math.round(n.projectedProgress * 100)
  const share = roundedShare === null || n.projectedProgress === null ? null : roundedShare >= limit ? Math.floor(n.projectedProgress * 100 + 1e-9) : roundedShare
  const pct = share === null ? '' : ` (${share} % of the way from ${u(n.baseline)})`
  switch (status) {
    case 'not_started':
      return `The quarter starts on ${n.start}.`
    case 'no_target':
      return n.current === null ? 'No target set; no measurement yet.' : `No target set; latest value ${u(n.current)}.`
    case 'no_data':
      return 'No measurement recorded this quarter yet.'
    case 'achieved':
      return `Latest value ${u(n.current ?? 0)} has reached the target of ${u(n.target)}.`
    case 'missed':
      return n.current === null
        ? `No measurement was recorded this quarter; the target was ${u(n.target)}.`
        : `Ended at ${u(n.current)} against a target of ${u(n.target)}.`
    default:
      return `The trend projects ${n.kind === 'rate' ? '' : 'about '}${u(n.projected ?? 0, short)} by quarter end against a target of ${u(n.target)}${pct}.`
  }
}

const sentenceFormats = new Map<number, Intl.NumberFormat>()
/** Decimals a sentence gives a figure: two for a rate, one for a small fraction of a count, else none. */
const figureDigits = (v: number, kind: Goal['kind']): number => (kind === 'rate' ? 2 : Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0)
const roundTo = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits

/**
 * A figure for a sentence, in fixed en-US conventions so the same data gives the same words (the deck
 * prints them): counts and money as whole numbers with thousands separators ("about 1,235 leads", never
 * "1234.57 leads" — a projection of a count is an estimate, not a measurement); rates with up to two decimals.
 */
export function sentenceFigure(v: number, kind: Goal['kind'], short?: 'below' | 'above'): string {
  const digits = figureDigits(v, kind)
  if (short !== undefined) {
    // Rounded toward the side it falls on (`short` of a target above it: down), so it never reads as reached.
    const f = 10 ** digits
    v = (short === 'below' ? Math.floor(v * f + 1e-9) : Math.ceil(v * f - 1e-9)) / f
  }
  let f = sentenceFormats.get(digits)
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    sentenceFormats.set(digits, f)
  }
  const s = f.format(v)
  return s === '-0' ? '0' : s
}

/** Ordinary least squares y = a + b·x. Needs two distinct x values (the baseline anchor guarantees it). */
function leastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; at: (x: number) => number } {
  const n = xs.length
  let sx = 0
  let sy = 0
  for (let i = 0; i < n; i++) {
    sx += xs[i] ?? 0
    sy += ys[i] ?? 0
  }
  const mx = sx / n
  const my = sy / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx
    sxy += dx * ((ys[i] ?? 0) - my)
    sxx += dx * dx
  }
  const slope = sxx === 0 ? 0 : sxy / sxx
  return { slope, at: (x) => my + slope * (x - mx) }
}
