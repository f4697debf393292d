import { formatChange, formatNumber } from './formatNumber'
import type { ChannelScore, ScoringChannel, ScoringGoal, ScoringOptions } from './types'

/** What was scored and what came out: store one per planning review to explain the next one. */
export type ScoringSnapshot = {
  results: readonly ChannelScore[]
  channels: readonly ScoringChannel[]
  goals: readonly ScoringGoal[]
  options?: ScoringOptions
}

export type InputChange = {
  /** e.g. 'audience', 'rate:pipeline', 'goal:pipeline.target', 'status'. */
  field: string
  label: string
  from: number | string | null
  to: number | string | null
  /** Relative change for numbers (0.25 = +25 %), null otherwise or from zero. */
  change: number | null
}

export type RankChange = {
  id: string
  name: string
  previousRank: number | null
  rank: number | null
  /** Positive = moved up. */
  rankDelta: number
  /** Relative score change; null when new, removed, or from a zero score. */
  scoreChange: number | null
  /** Changes to this channel's own inputs. */
  changes: InputChange[]
  sentence: string
}

export type RankChangeReport = {
  channels: RankChange[]
  /** Changes that move every channel at once: goals and options. */
  sharedChanges: InputChange[]
}

/**
 * Says why ranks moved between two snapshots: each channel's own input changes, plus goal and option
 * changes shared by all, e.g. "LinkedIn page up 2 (score +18 %): audience 12,000 → 15,000 (+25 %)".
 * Sorted by size of the move, then current rank, so the headline changes come first.
 */
export function explainRankChange(previous: ScoringSnapshot, current: ScoringSnapshot): RankChangeReport {
  const sharedChanges = [...goalChanges(previous.goals, current.goals), ...optionChanges(previous.options, current.options)]
  const prevResults = firstById(previous.results)
  const currResults = firstById(current.results)
  const prevChannels = firstById(previous.channels)
  const currChannels = firstById(current.channels)
  const ids = [...new Set([...currResults.keys(), ...prevResults.keys()])]
  const goalNames = new Map([...previous.goals, ...current.goals].map((g) => [g.id, g.name]))

  const channels = ids.map((id): RankChange => {
    const before = prevResults.get(id)
    const after = currResults.get(id)
    const name = after?.name ?? before?.name ?? id
    const changes = channelChanges(prevChannels.get(id), currChannels.get(id), goalNames)
    const rankDelta = before !== undefined && after !== undefined ? before.rank - after.rank : 0
    const scoreChange = before !== undefined && after !== undefined && before.score > 0 ? after.score / before.score - 1 : null
    return {
      id,
      name,
      previousRank: before?.rank ?? null,
      rank: after?.rank ?? null,
      rankDelta,
      scoreChange,
      changes,
      sentence: sentenceFor(name, before, after, rankDelta, scoreChange, changes, sharedChanges)
    }
  })
  channels.sort(
    (a, b) =>
      Math.abs(b.rankDelta) - Math.abs(a.rankDelta) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  return { channels, sharedChanges }
}

function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item)
  return map
}

function numberChange(field: string, label: string, from: number, to: number): InputChange | null {
  if (from === to || (Number.isNaN(from) && Number.isNaN(to))) return null
  const change = from !== 0 && Number.isFinite(from) && Number.isFinite(to) ? to / from - 1 : null
  return { field, label, from, to, change }
}

function textChange(field: string, label: string, from: string | null, to: string | null): InputChange | null {
  return from === to ? null : { field, label, from, to, change: null }
}

const CHANNEL_NUMBERS = [
  ['audience', 'audience'],
  ['postsPerWeek', 'posts per week'],
  ['hoursPerPost', 'hours per post'],
  ['fixedHoursPerMonth', 'fixed hours per month'],
  ['costPerMonth', 'cost per month'],
  ['confidence', 'confidence']
] as const

function channelChanges(
  before: ScoringChannel | undefined,
  after: ScoringChannel | undefined,
  goalNames: ReadonlyMap<string, string>
): InputChange[] {
  if (before === undefined || after === undefined) return []
  const out: (InputChange | null)[] = CHANNEL_NUMBERS.map(([field, label]) => numberChange(field, label, before[field], after[field]))
  out.push(textChange('status', 'status', before.status, after.status))
  out.push(textChange('estimatesUpdatedAt', 'estimates reviewed', before.estimatesUpdatedAt, after.estimatesUpdatedAt))
  const rates = (c: ScoringChannel): Map<string, number> => {
    const m = new Map<string, number>()
    for (const l of c.links) if (!m.has(l.goalId)) m.set(l.goalId, l.rate)
    return m
  }
  const rb = rates(before)
  const ra = rates(after)
  for (const goalId of [...new Set([...rb.keys(), ...ra.keys()])].sort()) {
    out.push(numberChange(`rate:${goalId}`, `rate for ${goalNames.get(goalId) ?? goalId}`, rb.get(goalId) ?? 0, ra.get(goalId) ?? 0))
  }
  return out.filter((c): c is InputChange => c !== null)
}

function goalChanges(before: readonly ScoringGoal[], after: readonly ScoringGoal[]): InputChange[] {
  const b = firstById(before)
  const a = firstById(after)
  const out: (InputChange | null)[] = []
  for (const id of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const gb = b.get(id)
    const ga = a.get(id)
    const name = ga?.name ?? gb?.name ?? id
    if (gb === undefined || ga === undefined) {
      out.push(textChange(`goal:${id}`, `goal ${name}`, gb === undefined ? null : 'present', ga === undefined ? null : 'present'))
      continue
    }
    for (const field of ['target', 'current', 'weight'] as const) {
      out.push(numberChange(`goal:${id}.${field}`, `${name} ${field}`, gb[field], ga[field]))
    }
  }
  return out.filter((c): c is InputChange => c !== null)
}

function optionChanges(before: ScoringOptions | undefined, after: ScoringOptions | undefined): InputChange[] {
  if (before === undefined || after === undefined) return []
  const out = [
    numberChange('periodWeeks', 'planning period (weeks)', before.periodWeeks ?? 13, after.periodWeeks ?? 13),
    numberChange('blendedHourlyRate', 'blended hourly rate', before.blendedHourlyRate, after.blendedHourlyRate),
    textChange('today', 'scoring date', before.today, after.today)
  ]
  return out.filter((c): c is InputChange => c !== null)
}

function describe(c: InputChange): string {
  const show = (v: number | string | null): string => (v === null ? 'none' : typeof v === 'number' ? formatNumber(v) : v)
  const pct = c.change === null ? '' : ` (${formatChange(c.change)})`
  return `${c.label} ${show(c.from)} → ${show(c.to)}${pct}`
}

function sentenceFor(
  name: string,
  before: ChannelScore | undefined,
  after: ChannelScore | undefined,
  rankDelta: number,
  scoreChange: number | null,
  changes: InputChange[],
  shared: InputChange[]
): string {
  if (before === undefined) return `${name} is new at #${after?.rank ?? '?'}`
  if (after === undefined) return `${name} was removed (was #${before.rank})`
  const move = rankDelta > 0 ? `up ${rankDelta}` : rankDelta < 0 ? `down ${-rankDelta}` : `unchanged at #${after.rank}`
  const score = scoreChange === null ? '' : ` (score ${formatChange(scoreChange)})`
  // Biggest relative changes first: they are the likeliest cause.
  const own = [...changes].sort((a, b) => Math.abs(b.change ?? 1) - Math.abs(a.change ?? 1)).map(describe)
  const why =
    own.length > 0
      ? own.join('; ')
      : shared.length > 0
        ? `own inputs unchanged; shared changes: ${shared.map(describe).join('; ')}`
        : rankDelta !== 0
          ? 'own inputs unchanged; other channels moved'
          : 'no input changed'
  return `${name} ${move}${score}: ${why}`
}
