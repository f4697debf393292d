import { DEFAULT_TRIAL_HOURS, postsAt, todayHours } from './channelResponse'
import { MaxHeap } from './maxHeap'
import { notCountedSentence } from './goalState'
import { addChannel, channelGain, goalOutcome, totalsOf, type Prepared } from './modelCore'
import type { ModelMember, ModelPin, Scenario } from './modelTypes'

export const DEFAULT_MIN_SHARE = 0.5
export const DEFAULT_MAX_SHARE = 2
export const DEFAULT_SLICE_HOURS = 0.25
/** At most this many slices: a 10,000 h budget is handed out in 5 h slices rather than 40,000 quarter hours. */
export const MAX_SLICES = 2000
/** Gains below this (points per slice) count as nothing: the goals the channel serves are covered. */
const NO_GAIN = 1e-9

export type ChannelBounds = { min: number; max: number; pinned: ModelPin | null; why: string }

export type ScenarioRow = {
  channelId: string
  hours: number
  currentHours: number
  min: number
  max: number
  /** The pin that overrides the bounds, with its reason; null when the default bounds apply. */
  pinned: { reason: string; minHours: number; maxHours: number | null; exclude: boolean } | null
  boundsWhy: string
  /** 'min' or 'max' when the recommendation sits on a bound. */
  limit: 'min' | 'max' | null
  postsPerWeek: number
  /** Points one more weekly hour would add at the recommendation (ignoring the upper bound). */
  marginalValue: number
}

export type ScenarioResult = {
  scenario: Scenario
  todayHours: number
  /** Hours the scenario may spend (same-hours: today's; plus: today's + N; targets: what the targets take). */
  budgetHours: number
  totalHours: number
  rows: ScenarioRow[]
  /** Where hours beyond today's plan would come from, or what a cut frees; always one sentence. */
  source: string
  statement: string
  warnings: string[]
  /** Targets scenario: every target reached within the bounds. */
  reachesTargets: boolean | null
}

export function channelBounds(p: Prepared, pins: readonly ModelPin[], minShare = DEFAULT_MIN_SHARE, maxShare = DEFAULT_MAX_SHARE): ChannelBounds[] {
  const byChannel = new Map(pins.map((pin) => [pin.channelId, pin]))
  return p.channels.map(({ c, ev }) => {
    const pin = byChannel.get(c.id) ?? null
    const today = todayHours(c)
    if (pin?.exclude) return { min: 0, max: 0, pinned: pin, why: `excluded: ${pin.reason}` }
    let min: number
    let max: number
    let why: string
    if (c.status === 'paused' || c.status === 'retired') [min, max, why] = [0, 0, `${c.status}: no hours unless pinned`]
    // A channel the model cannot judge (no reach, or no rate for a goal in play) keeps today's hours:
    // with nothing to weigh it was always cut to its lower bound, advice built on a missing number.
    else if (ev.needsEstimate && c.status === 'active') [min, max, why] = [today, today, `needs an estimate: held at today’s ${round1(today)} h/week until it has one`]
    else if (c.status === 'proposed') {
      const trial = c.trialHoursPerWeek ?? DEFAULT_TRIAL_HOURS
      ;[min, max, why] = [trial, trial, `proposed: a trial of ${trial} h/week${c.trialHoursPerWeek === null ? ' (the default trial)' : ''}`]
    } else [min, max, why] = [today * minShare, today * maxShare, `${Math.round(minShare * 100)}–${Math.round(maxShare * 100)} % of today’s ${round1(today)} h/week`]
    if (pin !== null) {
      min = pin.minHours
      max = pin.maxHours ?? Math.max(max, pin.minHours)
      why = `pinned: ${pin.reason}`
    }
    return { min, max: Math.max(min, max), pinned: pin, why }
  })
}

/**
 * Greedy slices with lazy re-evaluation: each slice goes to the channel whose next slice adds most; a
 * popped channel's gain is recomputed and kept only if it still leads. Returns are concave per channel
 * and capped per goal, so stale gains are upper bounds and the result is near-optimal (exact for
 * separable goals). Ties go to the lower index (input order is rank order), so it is deterministic.
 */
function greedy(p: Prepared, hours: Float64Array, max: readonly number[], budget: number, slice: number, stop: (gain: number) => boolean): number {
  const t = totalsOf(p, hours)
  const heap = new MaxHeap(p.channels.length)
  for (let ci = 0; ci < p.channels.length; ci++) {
    const room = (max[ci] ?? 0) - (hours[ci] ?? 0)
    if (room > 1e-9) heap.push(ci, channelGain(p, t, ci, hours[ci] ?? 0, (hours[ci] ?? 0) + Math.min(slice, room)))
  }
  let left = budget
  while (left > 1e-9 && heap.size > 0) {
    const ci = heap.pop() ?? 0
    const h = hours[ci] ?? 0
    const step = Math.min(slice, left, (max[ci] ?? 0) - h)
    const gain = channelGain(p, t, ci, h, h + step)
    const next = heap.peek()
    if (next !== undefined && gain < heap.keyOf(next) - 1e-12) {
      heap.push(ci, gain)
      continue
    }
    if (stop(gain)) break
    addChannel(p, t, ci, h, -1)
    addChannel(p, t, ci, h + step, 1)
    hours[ci] = h + step
    left -= step
    const room = (max[ci] ?? 0) - (hours[ci] ?? 0)
    if (room > 1e-9) heap.push(ci, channelGain(p, t, ci, hours[ci] ?? 0, (hours[ci] ?? 0) + Math.min(slice, room)))
  }
  return left
}

export type ScenarioOptions = {
  scenario: Scenario
  deltaHours: number
  minShare: number
  maxShare: number
  slice: number
  /** The same model with stretch targets set aside: what "reach every target" is measured against. */
  targetsOnly: Prepared
}

export function allocateScenario(p: Prepared, pins: readonly ModelPin[], members: readonly ModelMember[], o: ScenarioOptions): ScenarioResult {
  const bounds = channelBounds(p, pins, o.minShare, o.maxShare)
  const today = p.channels.map(({ c }) => todayHours(c))
  const todayTotal = sum(today)
  const warnings: string[] = []
  const n = p.channels.length
  const hours = new Float64Array(n)
  const max = bounds.map((b) => b.max)
  const minTotal = sum(bounds.map((b) => b.min))
  const model = o.scenario === 'targets' ? o.targetsOnly : p

  let budget: number
  if (o.scenario === 'targets') budget = sum(max)
  else budget = Math.max(0, todayTotal + (o.scenario === 'plus' ? o.deltaHours : 0))
  if (o.scenario !== 'targets' && minTotal > budget + 1e-9) {
    // Not enough hours for every channel's lower bound: each gets the same share of its minimum.
    const f = minTotal === 0 ? 0 : budget / minTotal
    bounds.forEach((b, i) => (hours[i] = b.min * f))
    warnings.push(`${round1(budget)} h/week is less than the channels’ minimums (${round1(minTotal)} h/week): every channel gets ${Math.round(f * 100)} % of its minimum.`)
  } else bounds.forEach((b, i) => (hours[i] = b.min))

  const spent = sum(hours)
  const slice = Math.max(o.slice, (budget - spent) / MAX_SLICES)
  let reaches: boolean | null = null
  if (o.scenario === 'targets') {
    const missing = (): boolean => targetsMissing(o.targetsOnly, hours).length > 0
    // Fewest hours: slices go where they cover most of what is still missing, until nothing is.
    if (missing()) greedy(model, hours, max, budget - spent, slice, (gain) => gain <= NO_GAIN || !missing())
    reaches = !missing()
    budget = sum(hours)
  } else greedy(model, hours, max, budget - spent, slice, () => false)

  const total = sum(hours)
  if (o.scenario !== 'targets' && total < budget - 1e-6)
    warnings.push(`Only ${round1(total)} of ${round1(budget)} h/week fit within the channels’ upper bounds; the rest is not recommended.`)
  const t = totalsOf(p, hours)
  const rows: ScenarioRow[] = p.channels.map(({ c, resp }, i) => {
    const b = bounds[i] ?? { min: 0, max: 0, pinned: null, why: '' }
    const h = hours[i] ?? 0
    return {
      channelId: c.id,
      hours: round2(h),
      currentHours: round2(today[i] ?? 0),
      min: round2(b.min),
      max: round2(b.max),
      pinned: b.pinned === null ? null : { reason: b.pinned.reason, minHours: b.pinned.minHours, maxHours: b.pinned.maxHours, exclude: b.pinned.exclude },
      boundsWhy: b.why,
      limit: b.max > b.min && h >= b.max - 1e-6 ? 'max' : b.max > b.min && h <= b.min + 1e-6 ? 'min' : null,
      postsPerWeek: round2(postsAt(resp, h)),
      marginalValue: finiteGain(channelGain(p, t, i, h, h + 1))
    }
  })
  return {
    scenario: o.scenario,
    todayHours: round2(todayTotal),
    budgetHours: round2(budget),
    totalHours: round2(total),
    rows,
    source: sourceSentence(total - todayTotal, members),
    statement: statement(o, todayTotal, total, reaches, o.targetsOnly, hours),
    warnings,
    reachesTargets: reaches
  }
}

/** Goals (with a target still to reach) that the plan leaves short, with the share of the gap it covers. */
export function targetsMissing(p: Prepared, hours: ArrayLike<number>): { name: string; covered: number }[] {
  const t = totalsOf(p, hours)
  const out: { name: string; covered: number }[] = []
  p.states.forEach((st, g) => {
    if (st.ceiling <= 0) return
    const outcome = goalOutcome(st, t, g)
    const move = st.goal.kind === 'rate' ? st.sign * (outcome - st.level) : outcome
    if (move < st.ceiling - 1e-9 * Math.max(1, st.ceiling)) out.push({ name: st.goal.name, covered: Math.max(0, move / st.ceiling) })
  })
  return out
}

function statement(o: ScenarioOptions, todayTotal: number, total: number, reaches: boolean | null, targetsOnly: Prepared, hours: Float64Array): string {
  if (o.scenario === 'same-hours') return `Today’s ${round1(todayTotal)} h/week of channel work, re-divided where it moves the goals most.`
  if (o.scenario === 'plus') return `${o.deltaHours >= 0 ? '+' : '−'}${round1(Math.abs(o.deltaHours))} h/week against today’s plan: ${round1(total)} h/week in all.`
  const aside = setAside(targetsOnly)
  if (reaches) return `Every target is reached with about ${round1(total)} h/week (today’s plan: ${round1(todayTotal)} h/week).${aside}`
  const short = targetsMissing(targetsOnly, hours)
  if (short.length === 0 && targetsOnly.states.every((s) => s.ceiling <= 0)) return `No goal has a target still to reach: no hours are needed for targets.${aside}`
  return `No plan within the channels’ bounds reaches every target; at ${round1(total)} h/week: ${short.map((s) => `${s.name} ${Math.round(s.covered * 100)} % of its remaining gap`).join(', ')}.${aside}`
}

/** Goals with a target still to reach that no channel moves: hours cannot reach them, so the statement names them. */
function setAside(p: Prepared): string {
  return notCountedSentence(p.states.filter((s) => !s.moved && s.goal.target !== null && !s.met && s.weeks > 0).map((s) => s.goal.name))
}

/**
 * Hours beyond today's plan are never recommended silently: they come from members' unplanned capacity
 * (weekly capacity − other work − content the calendar already plans for them), the most unplanned first.
 */
export function sourceSentence(extra: number, members: readonly ModelMember[]): string {
  if (Math.abs(extra) < 0.05) return 'Within today’s plan: no hours beyond what the team already spends on channels.'
  if (extra < 0) return `${round1(-extra)} h/week fewer than today’s plan: those hours go back to the team.`
  const free = members
    .map((m) => ({ name: m.name, hours: Math.max(0, m.capacityHours - m.otherWorkHours - m.plannedContentHours) }))
    .filter((m) => m.hours > 0.05)
    .toSorted((a, b) => b.hours - a.hours || (a.name < b.name ? -1 : 1))
  const taken: string[] = []
  let left = extra
  for (const m of free) {
    if (left <= 0.05) break
    const h = Math.min(m.hours, left)
    taken.push(`${m.name} ${round1(h)} h`)
    left -= h
  }
  const head = `+${round1(extra)} h/week beyond today’s plan`
  if (taken.length === 0) return `${head}: no member has unplanned capacity (capacity − other work − planned content), so these hours would need a hire or dropped work.`
  const rest = left > 0.05 ? `; ${round1(left)} h/week more than anyone has free, which would need a hire or dropped work` : ''
  return `${head}: from members’ unplanned capacity (${taken.join(', ')})${rest}.`
}

function sum(xs: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0
  return s
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10
}

/**
 * A channel whose hours today are a vanishing number (a cadence of 1e-323 posts a week, found by the
 * planPriorities property test) has a response curve that divides by that number: the gain of one
 * more hour comes out NaN or Infinity. No measurable gain is the honest answer for such a channel.
 */
function finiteGain(gain: number): number {
  return Number.isFinite(gain) ? gain : 0
}
