import type { ChannelScore } from './types'

/**
 * Rank tiers: channels we can score come first, retired ones after them (kept for history), and
 * channels that still need an estimate last, whatever their status: a blank estimate is not a zero.
 */
export function rankTier(s: Pick<ChannelScore, 'flags'>): number {
  if (s.flags.includes('needs-estimate')) return 2
  if (s.flags.includes('retired')) return 1
  return 0
}

/** Total order: tier, then higher score, then id (code-unit order, independent of locale). */
export function compareScores(a: Pick<ChannelScore, 'flags' | 'score' | 'id'>, b: Pick<ChannelScore, 'flags' | 'score' | 'id'>): number {
  const tier = rankTier(a) - rankTier(b)
  if (tier !== 0) return tier
  if (a.score !== b.score) return b.score > a.score ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
