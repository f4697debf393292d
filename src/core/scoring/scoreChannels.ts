import { compareScores, rankTier } from './compareScores'
import { prepareGoals } from './prepareGoals'
import { resolveOptions } from './resolveOptions'
import { scoreChannel } from './scoreChannel'
import type { ChannelScore, ScoringChannel, ScoringFlag, ScoringGoal, ScoringOptions } from './types'

/**
 * Scores and ranks channels: expected goal progress per hour (README.md, "Score").
 * Ranks are 1..n with no shared ranks; ties are broken by id, then by input position for
 * duplicated ids, so the same input always gives the same order.
 */
export function scoreChannels(
  channels: readonly ScoringChannel[],
  goals: readonly ScoringGoal[],
  options: ScoringOptions
): ChannelScore[] {
  const resolved = resolveOptions(options)
  const prepared = prepareGoals(goals)
  const scored = channels.map((channel) => scoreChannel(channel, prepared, resolved))
  markDuplicates(scored)
  // Decorate once so the sort compares numbers, not flag arrays, n log n times.
  const keyed = scored.map((score, index) => ({ score, index, tier: rankTier(score) }))
  keyed.sort((a, b) => a.tier - b.tier || compareScores(a.score, b.score) || a.index - b.index)
  // Results are fresh objects from scoreChannel, so setting the rank in place is safe.
  return keyed.map((k, i) => {
    k.score.rank = i + 1
    return k.score
  })
}

/** Same id, or same name ignoring case and spacing: likely the same channel entered twice. */
function markDuplicates(scores: ChannelScore[]): void {
  const seen = new Map<string, number>()
  const keys = scores.map((s) => ['id:' + s.id, 'name:' + s.name.trim().toLowerCase().replace(/\s+/g, ' ')])
  keys.forEach((pair) => pair.forEach((k) => seen.set(k, (seen.get(k) ?? 0) + 1)))
  scores.forEach((s, i) => {
    const pair = keys[i] ?? []
    if (pair.some((k) => (seen.get(k) ?? 0) > 1 && k !== 'name:') && !s.flags.includes('duplicate')) {
      const flags: ScoringFlag[] = [...s.flags, 'duplicate']
      s.flags = flags.sort()
    }
  })
}
