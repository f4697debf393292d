import { formatNumber, roundShares } from './formatNumber'
import type { ChannelScore } from './types'

/**
 * One sentence a marketer can read aloud: where the impact comes from, what it costs, how sure we
 * are. E.g. "62 % from Pipeline, 30 % from Reach, 8 % from Reputation; effort 14 h/month; confidence 0.6".
 */
export function explainScore(s: Omit<ChannelScore, 'explanation'>): string {
  const flags = new Set(s.flags)
  if (flags.has('needs-estimate')) {
    return 'Needs an estimate (audience per post and a rate for at least one goal with a target); ranked last'
  }
  const parts: string[] = []
  const contributing = s.breakdown.filter((b) => b.points > 0)
  if (contributing.length === 0) {
    parts.push(flags.has('no-cadence') ? 'no posts planned, so no expected goal progress' : 'no expected goal progress')
  } else {
    const pct = roundShares(contributing.map((b) => b.points))
    const shares = contributing
      .map((b, i) => ({ name: b.goalName, pct: pct[i] ?? 0 }))
      .sort((a, b) => b.pct - a.pct || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    parts.push(shares.map((x) => `${x.pct} % from ${x.name}`).join(', '))
  }
  parts.push(
    flags.has('zero-effort')
      ? 'effort not recorded (counted as 1 h per period)'
      : `effort ${formatNumber(s.effort.hoursPerMonth)} h/month`
  )
  const c = s.factors
  let conf = `confidence ${formatNumber(c.confidence)}`
  if (flags.has('undated-estimate')) conf += ` (${formatNumber(c.effectiveConfidence)}: estimates undated)`
  else if (flags.has('stale-estimate')) {
    conf += ` (${formatNumber(c.effectiveConfidence)} after ${formatNumber(c.estimateAgeDays ?? 0)} days without review)`
  }
  parts.push(conf)
  let sentence = parts.join('; ')
  if (flags.has('retired')) sentence += '. Retired: ranked after active channels'
  else if (flags.has('paused')) sentence += '. Paused'
  return sentence
}
