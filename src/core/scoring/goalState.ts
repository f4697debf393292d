import { sentenceFigure } from '../goals/goalProgress'
import type { ModelChannel, ModelGoal } from './modelTypes'

const DAY_MS = 86_400_000
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS)

/** A goal as the allocator sees it on `today`. Units: the goal's own (counts, money, or rate points). */
export type GoalState = {
  goal: ModelGoal
  /** Weeks left of the goal's own period after `today` (its whole period when it has not started). */
  weeks: number
  /** +1 when more is better, −1 when the target is below the baseline. */
  sign: 1 | -1
  /** |target − baseline|: impact is measured in points (per cent) of this span, so goals add up. */
  span: number
  level: number
  /** Still to go to the target (≤ 0 when met); null without a target. */
  gapToTarget: number | null
  /** How far the goal still pulls hours: to the target, or once met to the stretch target; 0 = pulls none. */
  ceiling: number
  /** Weight normalised over the goals that pull hours (sums to 1). */
  weight: number
  met: boolean
  /**
   * false when no channel links to the goal: posting does not move it (an efficiency goal such as hours
   * saved, not an audience result), so the plan predicts nothing for it and it takes no share of the hours.
   */
  moved: boolean
  why: string
}

/** What the team can do about a goal no channel moves, said wherever its prediction would be. */
export const NOT_MOVED_WHY =
  'no channel is linked to it, so posting does not move it: it is not predicted from the plan and gets no share of the hours. Track it by hand, or link it to the channels that move it (Channels, estimates)'

/**
 * The sentence a targets statement ends with when goals with a target still to reach are set aside
 * because no channel moves them (allocateScenario.ts, hoursForTargets.ts); empty when there are none.
 */
export function notCountedSentence(names: readonly string[]): string {
  if (names.length === 0) return ''
  const them = names.length === 1 ? 'it' : 'them'
  return ` Not counted: ${names.join(', ')} — no channel is linked to ${them}, so channel hours do not move ${them}.`
}

/** Goal ids that at least one channel links to (whatever the channel's status: a pin can give any channel hours). */
export function linkedGoals(channels: readonly Pick<ModelChannel, 'links'>[]): Set<string> {
  return new Set(channels.flatMap((c) => c.links.map((l) => l.goalId)))
}

/**
 * Weeks left to act in the goal's period, today included: on a quarter's last day there is still a
 * day (it counted none, so on every 31 March the goals read "its period is over" and the weights
 * moved nothing), and the days are counted the same way before the period starts and inside it.
 */
export function weeksLeft(goal: Pick<ModelGoal, 'periodStart' | 'periodEnd'>, today: string): number {
  const start = dayNumber(goal.periodStart)
  const end = dayNumber(goal.periodEnd)
  const t = dayNumber(today)
  if (t < start) return (end - start + 1) / 7
  return Math.max(0, end - t + 1) / 7
}

/**
 * `linked`: the goals some channel links to (`linkedGoals`). A goal outside it pulls no hours and has no
 * weight, so it neither blocks the targets scenario nor dilutes the weights of the goals posting can move.
 */
export function goalStates(goals: readonly ModelGoal[], today: string, linked: ReadonlySet<string>): GoalState[] {
  const raw = goals.map((g) => {
    const level = g.current ?? g.baseline
    const sign: 1 | -1 = g.target !== null && g.target < g.baseline ? -1 : 1
    const span = g.target === null ? 0 : Math.abs(g.target - g.baseline)
    const gapToTarget = g.target === null ? null : sign * (g.target - level)
    const gapToStretch = g.stretchTarget === null ? null : sign * (g.stretchTarget - level)
    const met = gapToTarget !== null && gapToTarget <= 0
    const weeks = weeksLeft(g, today)
    const moved = linked.has(g.id)
    let ceiling = 0
    let why: string
    if (g.target === null) why = 'no target: tracked only, pulls no hours'
    else if (!moved) why = NOT_MOVED_WHY
    else if (weeks <= 0) why = 'its period is over'
    else if (!met) {
      ceiling = gapToStretch ?? gapToTarget ?? 0
      why = `${fmt(gapToTarget ?? 0, g)} to go to the target${gapToStretch === null ? '' : ` (${fmt(gapToStretch, g)} to the stretch)`}`
    } else if (gapToStretch !== null && gapToStretch > 0) {
      ceiling = gapToStretch
      why = `target met; pulls toward the stretch target (${fmt(gapToStretch, g)} to go)`
    } else why = gapToStretch === null ? 'target met and no stretch target: pulls no more hours' : 'stretch target met: pulls no more hours'
    return { goal: g, weeks, sign, span: span > 0 ? span : 1, level, gapToTarget, ceiling: Math.max(0, ceiling), met, moved, why, w: Math.max(0, Number.isFinite(g.weight) ? g.weight : 0) }
  })
  const pulling = raw.filter((r) => r.ceiling > 0)
  const total = pulling.reduce((a, r) => a + r.w, 0)
  return raw.map(({ w, ...r }) => ({ ...r, weight: r.ceiling <= 0 ? 0 : total > 0 ? w / total : 1 / pulling.length }))
}

/** "108,980 €", "530 subscribers", "3.3 pts" (a rate's gap is in points): the goal's own unit, grouped digits. */
function fmt(v: number, g: Pick<ModelGoal, 'kind' | 'unit'>): string {
  const n = sentenceFigure(v, g.kind)
  if (g.kind === 'rate') return `${n} pts`
  return g.unit === '' ? n : `${n} ${g.unit}`
}
