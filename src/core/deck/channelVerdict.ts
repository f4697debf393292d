import type { DeckHoursRow } from './deckInput'
import { format } from './format'

export type ChannelVerdict = 'grow' | 'keep' | 'trim' | 'stop'

export const verdictLabels: Record<ChannelVerdict, string> = { grow: 'Grow', keep: 'Keep', trim: 'Trim', stop: 'Stop' }

/** The verdict words in plain English, for the slide that gives them. */
export const verdictRules: Record<ChannelVerdict, string> = {
  grow: 'more hours a week next quarter than now',
  keep: 'about the same hours (within half an hour or 10 %)',
  trim: 'fewer hours, but still some',
  stop: 'no hours next quarter'
}

/**
 * A channel's verdict for next quarter, read from the allocation and nothing else: more hours → grow,
 * fewer → trim, none → stop. Every slide that labels a channel goes through here, so a slide can never
 * say "Rethink" about a channel the allocation gives more hours (the old deck did).
 */
export function channelVerdict(row: Pick<DeckHoursRow, 'currentHoursPerWeek' | 'recommendedHoursPerWeek'>): ChannelVerdict {
  const now = row.currentHoursPerWeek
  const next = row.recommendedHoursPerWeek
  if (next <= 0 && now > 0) return 'stop'
  if (Math.abs(next - now) < Math.max(0.5, 0.1 * now)) return 'keep'
  return next > now ? 'grow' : 'trim'
}

/** The team's decision in words: what was set, why, by whom and when. Explains "pin" where it is used. */
export function decisionText(d: NonNullable<DeckHoursRow['decision']>): string {
  const what =
    d.kind === 'exclude'
      ? 'taken out of the plan by the team'
      : d.kind === 'pin'
        ? `held at ${format.num(d.hoursPerWeek, 1)} h/week or more by the team (a minimum, or "pin", set on Priorities)`
        : `set to ${format.num(d.hoursPerWeek, 1)} h/week by the team`
  return `${what}: ${d.reason}${d.date === '' ? '' : ` (${d.date})`}`
}

/** "Grow", or "Grow — held at 4 h/week or more by the team …" when a decision overrides the model. */
export function verdictWithReason(row: DeckHoursRow): string {
  const v = verdictLabels[channelVerdict(row)]
  if (row.decision === null || row.engineHoursPerWeek === null) return v
  return `${v} (team decision)`
}
