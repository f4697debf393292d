import { formatNumber, roundShares } from './formatNumber'
import type { ChannelScore } from './types'

/** More goals than this are folded into "n % from k other goals" so the sentence stays readable. */
export const EXPLAINED_GOALS = 3

/**
 * One sentence a marketer can read aloud: where the impact comes from, what it costs, how sure we
 * are. E.g. "62 % from Pipeline, 30 % from Reach, 8 % from Reputation; effort 14 h/month; confidence 0.6".
 * Runs for every channel on every scoring, so it avoids sorting whole breakdowns.
 */
export function explainScore(s: Omit<ChannelScore, 'explanation'>): string {
  const flags = s.flags
  if (flags.includes('needs-estimate')) {
    return 'Needs an estimate (audience per post and a rate for at least one goal with a target); ranked last'
  }
  const parts: string[] = []
  const top = topShares(s.breakdown)
  if (top.names.length === 0) {
    parts.push(flags.includes('no-cadence') ? 'no posts planned, so no expected goal progress' : 'no expected goal progress')
  } else {
    const pct = roundShares([...top.points, top.restPoints])
    const shares = top.names.map((name, i) => `${pct[i] ?? 0} % from ${name}`)
    if (top.restCount > 0) {
      const rest = pct[top.names.length] ?? 0
      shares.push(`${rest} % from ${top.restCount} other goal${top.restCount === 1 ? '' : 's'}`)
    }
    parts.push(shares.join(', '))
  }
  parts.push(
    flags.includes('zero-effort')
      ? 'effort not recorded (counted as 1 h per period)'
      : `effort ${formatNumber(s.effort.hoursPerMonth)} h/month`
  )
  const c = s.factors
  let conf = `confidence ${formatNumber(c.confidence)}`
  if (flags.includes('undated-estimate')) conf += ` (${formatNumber(c.effectiveConfidence)}: estimates undated)`
  else if (flags.includes('stale-estimate')) {
    conf += ` (${formatNumber(c.effectiveConfidence)} after ${formatNumber(c.estimateAgeDays ?? 0)} days without review)`
  }
  parts.push(conf)
  let sentence = parts.join('; ')
  if (flags.includes('retired')) sentence += '. Retired: ranked after active channels'
  else if (flags.includes('paused')) sentence += '. Paused'
  return sentence
}

type TopShares = { names: string[]; points: number[]; restPoints: number; restCount: number }

/** The EXPLAINED_GOALS largest contributions (ties: earlier link first) and the sum of the rest. */
function topShares(breakdown: ChannelScore['breakdown']): TopShares {
  // A single goal beyond the cut is named rather than folded into "1 other goal".
  const keep = breakdown.length === EXPLAINED_GOALS + 1 ? EXPLAINED_GOALS + 1 : EXPLAINED_GOALS
  const chosen: number[] = []
  for (let i = 0; i < breakdown.length; i += 1) {
    const p = breakdown[i]?.points ?? 0
    if (!(p > 0)) continue
    let at = chosen.length
    while (at > 0 && (breakdown[chosen[at - 1] ?? 0]?.points ?? 0) < p) at -= 1
    if (at < keep) {
      chosen.splice(at, 0, i)
      if (chosen.length > keep) chosen.pop()
    }
  }
  let total = 0
  let count = 0
  for (const b of breakdown) {
    if (b.points > 0) {
      total += b.points
      count += 1
    }
  }
  const points = chosen.map((i) => breakdown[i]?.points ?? 0)
  const kept = points.reduce((a, b) => a + b, 0)
  return {
    names: chosen.map((i) => breakdown[i]?.goalName ?? ''),
    points,
    restPoints: Math.max(0, total - kept),
    restCount: count - chosen.length
  }
}
