import type { ModelChannel, ModelGoal, ModelPost } from './modelTypes'
import { Z80 } from './channelEvidence'
import { predictGoalResults } from './predictGoalResults'

/**
 * "How good has this advice been?" Each past quarter is predicted from what was known the day before it
 * started (results published before it, the estimates as entered) at the cadence the team actually ran
 * in it, and compared with what happened. Three methods side by side, on the same goal-quarters:
 * - `model`: the second model, learning from the team's earlier results;
 * - `uncalibrated`: the same model on the estimates alone (audience prior, rates as entered);
 * - `lastQuarter`: "same as last quarter" — each goal gets what its KPI did the quarter before,
 *   each channel what it brought then.
 * Pure: quarters, plans and actuals come in already read from the workspace.
 */
export type BacktestQuarterInput = {
  quarter: string
  /** First day of the quarter; predictions use data known up to the day before. */
  start: string
  /** That quarter's goals (period = the quarter; `current` is ignored). */
  goals: readonly ModelGoal[]
  /** Posts per week each channel actually published in the quarter (absent = none). */
  postsPerWeek: ReadonlyMap<string, number>
  /** Goal id → what happened: units brought in the quarter (counts, money) or the rate at its end; null = not measured. */
  actual: ReadonlyMap<string, number | null>
  /** Goal id → channel id → units its published items brought (counts, money). */
  channelActual: ReadonlyMap<string, ReadonlyMap<string, number>>
}

export type BacktestInput = {
  /** Channels as entered today (estimates); links point at today's goals and are carried over by goal key. */
  channels: readonly ModelChannel[]
  posts: readonly ModelPost[]
  /** Every goal id (past and present) → the key its results are filed under (its KPI). */
  goalKeys: ReadonlyMap<string, string>
  /** Past quarters, oldest first. */
  quarters: readonly BacktestQuarterInput[]
}

export type BacktestMethodName = 'model' | 'uncalibrated' | 'lastQuarter'

export type BacktestGoalRow = {
  goalId: string
  name: string
  kind: ModelGoal['kind']
  /** The model's point prediction (and 80 % interval). */
  predicted: number
  low: number
  high: number
  actual: number | null
  /** The other methods' predictions for the same goal. */
  uncalibrated: number
  lastQuarter: number | null
}

export type BacktestMethod = {
  /** Median over goal-quarters of max(predicted ÷ actual, actual ÷ predicted); null when nothing could be compared. */
  medianRatio: number | null
  /** Mean over quarters of Spearman's ρ between the channels' predicted and realised results (each channel's share of each count or money goal, added up); null without any. */
  rankCorrelation: number | null
  /** Goal-quarters compared for the ratio, and quarters for the correlation. */
  compared: number
  correlations: number
  /** Share of goal-quarters whose actual fell inside the 80 % interval (model only). */
  coverage: number | null
}

export type BacktestResult = {
  /** null when the backtest can run; otherwise the sentence that says what is missing. */
  insufficient: string | null
  quarters: { quarter: string; goals: BacktestGoalRow[] }[]
  methods: Record<BacktestMethodName, BacktestMethod>
  /** One sentence for the Priorities screen. */
  summary: string
}

/**
 * Learning from the model's own record: the error of the model, log(actual ÷ predicted) per goal KPI, in the
 * quarters already judged. Its mean (shrunk toward 0 with CALIBRATION_PRIOR_QUARTERS quarters of weight)
 * corrects the next prediction; its spread (shrunk toward MODEL_LOG_SPREAD) widens the 80 % range, because
 * the range from sampling noise alone held the actual only about a quarter of the time: what goes wrong
 * between quarters is mostly not noise in the posts but a world that moved.
 */
export const CALIBRATION_PRIOR_QUARTERS = 2
/** The model's error between quarters before any is measured: sd of log(actual ÷ predicted), a factor of ~1.5. */
export const MODEL_LOG_SPREAD = 0.5

type Residuals = Map<string, number[]>

/** Correction factor and extra log spread for one KPI from the residuals of earlier quarters. */
export function calibrationFor(errors: readonly number[]): { factor: number; logSpread: number } {
  const n = errors.length
  const k = CALIBRATION_PRIOR_QUARTERS
  const mean = n === 0 ? 0 : errors.reduce((a, x) => a + x, 0) / n
  const ss = errors.reduce((a, x) => a + (x - mean) ** 2, 0)
  return { factor: Math.exp((n * mean) / (n + k)), logSpread: Math.sqrt((ss + n * mean * mean * (k / (n + k)) + k * MODEL_LOG_SPREAD ** 2) / (n + k)) }
}

/** Fewer past quarters than this and a backtest says so instead of guessing (the oldest is only "the quarter before"). */
export const MIN_BACKTEST_QUARTERS = 2

const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** Today's channels, re-planned at the cadence a past quarter actually ran and linked to that quarter's goals by KPI. */
function channelsFor(input: BacktestInput, q: BacktestQuarterInput): ModelChannel[] {
  const byKey = new Map<string, string[]>()
  for (const g of q.goals) {
    const k = input.goalKeys.get(g.id)
    if (k !== undefined) byKey.set(k, [...(byKey.get(k) ?? []), g.id])
  }
  return input.channels.map((c) => {
    const posts = q.postsPerWeek.get(c.id) ?? 0
    const links = c.links.flatMap((l) => {
      const k = input.goalKeys.get(l.goalId)
      return k === undefined ? [] : (byKey.get(k) ?? []).map((goalId) => ({ goalId, rate: l.rate }))
    })
    return { ...c, status: posts > 0 ? 'active' : 'paused', postsPerWeek: posts, links } satisfies ModelChannel
  })
}

function ratio(p: number, a: number | null): number | null {
  if (a === null || !(a > 0) || !(p > 0)) return null
  return Math.max(p / a, a / p)
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = xs.toSorted((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Average ranks (ties share the mean rank), so Spearman's ρ is the Pearson correlation of the ranks. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => [v, i] as const).toSorted((a, b) => a[0] - b[0])
  const out = new Array<number>(xs.length).fill(0)
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2 + 1
    i = j + 1
  }
  return out
}

/** Spearman's rank correlation; null when either side has no spread (nothing to rank). */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 3) return null
  const ra = ranks(a)
  const rb = ranks(b)
  const mean = (ra.length + 1) / 2
  let num = 0
  let da = 0
  let db = 0
  ra.forEach((x, i) => {
    const y = rb[i] ?? mean
    num += (x - mean) * (y - mean)
    da += (x - mean) ** 2
    db += (y - mean) ** 2
  })
  return da === 0 || db === 0 ? null : num / Math.sqrt(da * db)
}

type Acc = { ratios: number[]; rhos: number[]; inside: number; judged: number }
const acc = (): Acc => ({ ratios: [], rhos: [], inside: 0, judged: 0 })

function summarise(a: Acc, withCoverage: boolean): BacktestMethod {
  return {
    medianRatio: median(a.ratios),
    rankCorrelation: a.rhos.length === 0 ? null : a.rhos.reduce((s, x) => s + x, 0) / a.rhos.length,
    compared: a.ratios.length,
    correlations: a.rhos.length,
    coverage: withCoverage && a.judged > 0 ? a.inside / a.judged : null
  }
}

const fmtRatio = (r: number | null): string => (r === null ? 'n/a' : `×${r.toFixed(2)}`)
const fmtRho = (r: number | null): string => (r === null ? 'n/a' : r.toFixed(2))

export function backtest(input: BacktestInput): BacktestResult {
  const keyOf = (goalId: string): string | undefined => input.goalKeys.get(goalId)
  // A quarter is judged only when the quarter before it exists, so every method answers on the same goal-quarters.
  const methods = { model: acc(), uncalibrated: acc(), lastQuarter: acc() }
  const quarters: BacktestResult['quarters'] = []
  const residuals: Residuals = new Map()
  if (input.quarters.length < MIN_BACKTEST_QUARTERS) {
    const have = input.quarters.length
    return {
      insufficient: `A backtest needs at least ${MIN_BACKTEST_QUARTERS} past quarters with goals and published results (each is judged against the one before it); this workspace has ${have}.`,
      quarters,
      methods: { model: summarise(methods.model, true), uncalibrated: summarise(methods.uncalibrated, false), lastQuarter: summarise(methods.lastQuarter, false) },
      summary: `Not enough history to say how good this advice has been: ${have} past quarter${have === 1 ? '' : 's'} with goals and results, ${MIN_BACKTEST_QUARTERS} needed.`
    }
  }
  input.quarters.forEach((q, qi) => {
    const prev = qi > 0 ? input.quarters[qi - 1] : undefined
    if (prev === undefined) return
    const channels = channelsFor(input, q)
    const base = { channels, goals: q.goals, posts: input.posts, goalKeys: input.goalKeys, members: [], pins: [] }
    const today = dayBefore(q.start)
    const model = predictGoalResults(base, { today, calibrate: true }).map((p) => {
      const key = keyOf(p.goalId) ?? p.goalId
      const raw = p.point
      const c = calibrationFor(residuals.get(key) ?? [])
      const point = p.kind === 'rate' ? Math.min(100, raw * c.factor) : raw * c.factor
      const sigma = Math.sqrt((raw > 0 && p.low > 0 ? Math.log(p.high / p.low) / (2 * Z80) : 0) ** 2 + c.logSpread ** 2)
      return { ...p, raw, point, low: point * Math.exp(-Z80 * sigma), high: Math.min(p.kind === 'rate' ? 100 : Infinity, point * Math.exp(Z80 * sigma)) }
    })
    const raw = new Map(predictGoalResults(base, { today, calibrate: false }).map((p) => [p.goalId, p]))
    const prevByKey = new Map(prev.goals.map((g) => [keyOf(g.id), g.id]))
    const rows: BacktestGoalRow[] = []
    const share = { model: new Map<string, number>(), uncalibrated: new Map<string, number>(), lastQuarter: new Map<string, number>(), actual: new Map<string, number>() }
    let goalsRanked = 0
    for (const p of model) {
      const goal = q.goals.find((g) => g.id === p.goalId)
      if (goal === undefined) continue
      const actual = q.actual.get(goal.id) ?? null
      const prevId = prevByKey.get(keyOf(goal.id))
      const last = prevId === undefined ? null : (prev.actual.get(prevId) ?? null)
      const un = raw.get(goal.id)?.point ?? 0
      rows.push({ goalId: goal.id, name: goal.name, kind: goal.kind, predicted: p.point, low: p.low, high: p.high, actual, uncalibrated: un, lastQuarter: last })
      const rm = ratio(p.point, actual)
      const ru = ratio(un, actual)
      const rl = last === null ? null : ratio(last, actual)
      // Ratios are compared on the goal-quarters every method could answer, so no method is judged on easier ones.
      if (rm !== null && ru !== null && rl !== null) {
        methods.model.ratios.push(rm)
        methods.uncalibrated.ratios.push(ru)
        methods.lastQuarter.ratios.push(rl)
      }
      // The model's own error, for the quarters after this one (what it learns from its record).
      if (actual !== null && actual > 0 && p.raw > 0) {
        const key = keyOf(goal.id) ?? goal.id
        residuals.set(key, [...(residuals.get(key) ?? []), Math.log(actual / p.raw)])
      }
      if (actual !== null && p.point > 0) {
        methods.model.judged++
        if (actual >= p.low && actual <= p.high) methods.model.inside++
      }
      if (goal.kind === 'rate') continue
      // Channel ranking: each channel's share of each count or money goal's result, added over the goals.
      const real = q.channelActual.get(goal.id)
      const before = prevId === undefined ? undefined : prev.channelActual.get(prevId)
      if (real === undefined || before === undefined) continue
      const realTotal = [...real.values()].reduce((a, x) => a + x, 0)
      const beforeTotal = [...before.values()].reduce((a, x) => a + x, 0)
      const unParts = raw.get(goal.id)?.channels ?? []
      const add = (m: Map<string, number>, id: string, v: number): void => void m.set(id, (m.get(id) ?? 0) + v)
      for (const c of p.channels) add(share.model, c.channelId, p.point > 0 ? c.point / p.point : 0)
      const unTotal = unParts.reduce((a, c) => a + c.point, 0)
      for (const c of unParts) add(share.uncalibrated, c.channelId, unTotal > 0 ? c.point / unTotal : 0)
      for (const [id, v] of before) add(share.lastQuarter, id, beforeTotal > 0 ? v / beforeTotal : 0)
      for (const [id, v] of real) add(share.actual, id, realTotal > 0 ? v / realTotal : 0)
      goalsRanked++
    }
    if (goalsRanked > 0) {
      // Channels the quarter's plan had running: those are the ones a ranking has to put in order.
      const ids = channels.filter((c) => c.status === 'active' && c.links.length > 0).map((c) => c.id)
      const actualRow = ids.map((id) => share.actual.get(id) ?? 0)
      const rhoM = spearman(ids.map((id) => share.model.get(id) ?? 0), actualRow)
      const rhoU = spearman(ids.map((id) => share.uncalibrated.get(id) ?? 0), actualRow)
      const rhoL = spearman(ids.map((id) => share.lastQuarter.get(id) ?? 0), actualRow)
      if (rhoM !== null && rhoU !== null && rhoL !== null) {
        methods.model.rhos.push(rhoM)
        methods.uncalibrated.rhos.push(rhoU)
        methods.lastQuarter.rhos.push(rhoL)
      }
    }
    quarters.push({ quarter: q.quarter, goals: rows })
  })
  const out = { model: summarise(methods.model, true), uncalibrated: summarise(methods.uncalibrated, false), lastQuarter: summarise(methods.lastQuarter, false) }
  const n = quarters.length
  const summary =
    out.model.medianRatio === null
      ? `No past quarter had both a prediction and a measured result to compare (${n} quarters replayed).`
      : `Replaying the last ${n} quarters: predictions were off by ${fmtRatio(out.model.medianRatio)} (median) and ranked channels with ρ = ${fmtRho(out.model.rankCorrelation)}; ` +
        `without learning from results ${fmtRatio(out.uncalibrated.medianRatio)}, ρ = ${fmtRho(out.uncalibrated.rankCorrelation)}; "same as last quarter" ${fmtRatio(out.lastQuarter.medianRatio)}, ρ = ${fmtRho(out.lastQuarter.rankCorrelation)}.` +
        (out.model.coverage === null ? '' : ` The actual fell inside the model's 80 % range in ${Math.round(out.model.coverage * 100)} % of goal-quarters.`)
  return { insufficient: null, quarters, methods: out, summary }
}
