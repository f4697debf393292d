import { compareScores } from './compareScores'
import { formatNumber } from './formatNumber'
import { prepareGoals, type PreparedGoal } from './prepareGoals'
import { resolveOptions } from './resolveOptions'
import { scoreChannel } from './scoreChannel'
import { scoreChannels } from './scoreChannels'
import type { ChannelScore, ScoringChannel, ScoringGoal, ScoringOptions } from './types'

export type SensitivityInput = 'audience' | 'rate' | 'confidence' | 'hoursPerPost' | 'fixedHoursPerMonth' | 'costPerMonth'

export type InputSensitivity = {
  input: SensitivityInput
  /** For 'rate': the goal whose rate was varied. */
  goalId: string | null
  label: string
  value: number
  /** Rank with this input at −20 % and at +20 % (others unchanged). */
  rankDown: number
  rankUp: number
  /**
   * The smallest relative change (e.g. −0.07) within ±20 % that changes the rank, or null. Found by
   * bisection, which is exact here because the score is monotone in each of these inputs.
   */
  breakEven: number | null
  /** Rank just past the break-even. */
  rankAtBreakEven: number | null
}

export type ChannelSensitivity = {
  id: string
  name: string
  rank: number
  inputs: InputSensitivity[]
  /** The input whose smallest change moves the rank, or null when none does within ±20 %. */
  decisive: InputSensitivity | null
  sentence: string
}

export const SENSITIVITY_RANGE = 0.2
const BISECTION_STEPS = 24

/** For each of the top channels: which single input, at ±20 %, would change its rank (SCORING.md). */
export function sensitivity(
  channels: readonly ScoringChannel[],
  goals: readonly ScoringGoal[],
  options: ScoringOptions,
  topN: number
): ChannelSensitivity[] {
  const ranked = scoreChannels(channels, goals, options)
  const resolved = resolveOptions(options)
  const prepared = prepareGoals(goals)
  const byId = new Map<string, ScoringChannel>()
  for (const c of channels) if (!byId.has(c.id)) byId.set(c.id, c)
  const top = ranked.filter((r) => !r.flags.includes('needs-estimate')).slice(0, Math.max(0, Math.floor(topN)))

  return top.map((base) => {
    const channel = byId.get(base.id)
    const others = ranked.filter((r) => r !== base)
    const rankOf = (changed: ScoringChannel): number => {
      const s = scoreChannel(changed, prepared, resolved, false)
      let better = 0
      for (const o of others) if (compareScores(o, s) < 0) better += 1
      return better + 1
    }
    const inputs = channel === undefined ? [] : variants(channel, prepared).map((v) => probe(v, base.rank, rankOf))
    const decisive =
      inputs
        .filter((i) => i.breakEven !== null)
        .sort((a, b) => Math.abs(a.breakEven ?? 0) - Math.abs(b.breakEven ?? 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))[0] ?? null
    return { id: base.id, name: base.name, rank: base.rank, inputs, decisive, sentence: sentenceFor(base, decisive, ranked) }
  })
}

type Variant = { input: SensitivityInput; goalId: string | null; label: string; value: number; apply: (m: number) => ScoringChannel }

function variants(c: ScoringChannel, goals: ReadonlyMap<string, PreparedGoal>): Variant[] {
  const plain = (input: Exclude<SensitivityInput, 'rate'>, label: string): Variant => ({
    input,
    goalId: null,
    label,
    value: c[input],
    apply: (m) => ({ ...c, [input]: c[input] * m })
  })
  const seen = new Set<string>()
  const rates = c.links
    .filter((l) => (seen.has(l.goalId) ? false : (seen.add(l.goalId), true)))
    .map(
      (link): Variant => ({
        input: 'rate',
        goalId: link.goalId,
        label: `rate for ${goals.get(link.goalId)?.goal.name ?? link.goalId}`,
        value: link.rate,
        apply: (m) => ({ ...c, links: c.links.map((l) => (l === link ? { ...l, rate: l.rate * m } : l)) })
      })
    )
  return [
    plain('audience', 'audience'),
    ...rates,
    plain('confidence', 'confidence'),
    plain('hoursPerPost', 'hours per post'),
    plain('fixedHoursPerMonth', 'fixed hours per month'),
    plain('costPerMonth', 'cost per month')
  ]
}

function probe(v: Variant, rank: number, rankOf: (c: ScoringChannel) => number): InputSensitivity {
  const rankDown = rankOf(v.apply(1 - SENSITIVITY_RANGE))
  const rankUp = rankOf(v.apply(1 + SENSITIVITY_RANGE))
  let breakEven: number | null = null
  let rankAtBreakEven: number | null = null
  for (const sign of [-1, 1]) {
    const edge = sign < 0 ? rankDown : rankUp
    if (edge === rank) continue
    // Invariant: at change `lo` the rank is unchanged, at `hi` it differs.
    let lo = 0
    let hi = SENSITIVITY_RANGE
    for (let k = 0; k < BISECTION_STEPS; k += 1) {
      const mid = (lo + hi) / 2
      if (rankOf(v.apply(1 + sign * mid)) === rank) lo = mid
      else hi = mid
    }
    if (breakEven === null || hi < Math.abs(breakEven)) {
      breakEven = sign * hi
      rankAtBreakEven = rankOf(v.apply(1 + sign * hi))
    }
  }
  return { input: v.input, goalId: v.goalId, label: v.label, value: v.value, rankDown, rankUp, breakEven, rankAtBreakEven }
}

function sentenceFor(base: ChannelScore, d: InputSensitivity | null, ranked: readonly ChannelScore[]): string {
  if (d === null || d.breakEven === null || d.rankAtBreakEven === null) {
    return `${base.name} (#${base.rank}): no single input within ±20 % changes its rank`
  }
  const pct = Math.ceil(Math.abs(d.breakEven) * 100)
  const dir = d.breakEven < 0 ? 'falls' : 'rises'
  const moved = d.rankAtBreakEven < base.rank ? 'up' : 'down'
  const neighbour = ranked.find((r) => r.rank === d.rankAtBreakEven)
  const past = neighbour === undefined ? '' : ` ${moved === 'up' ? 'above' : 'below'} ${neighbour.name}`
  return (
    `${base.name} (#${base.rank}) moves ${moved} to #${d.rankAtBreakEven}${past} if its ${d.label} ` +
    `(${formatNumber(d.value)}) ${dir} by ${pct} %`
  )
}
