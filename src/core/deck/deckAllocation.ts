import { allocateHours, scoreChannels, type AllocationPin, type ChannelScore, type ScoringChannel, type ScoringGoal, type ScoringOptions } from '../scoring'
import type { DeckHoursRow, DeckPrediction } from './deckInput'

/** What the deck needs from the priority model: the same inputs the Priorities screen scores. */
export type DeckAllocationInput = {
  channels: readonly ScoringChannel[]
  goals: readonly ScoringGoal[]
  options: ScoringOptions
  capacityHours: number
  pins: readonly AllocationPin[]
  /** When each channel's pin was last set, 'YYYY-MM-DD', for the decision line. */
  pinDates: ReadonlyMap<string, string>
}

export type DeckAllocation = {
  /** The scenario in words, printed on the next-quarter slide. */
  scenario: string
  hours: DeckHoursRow[]
  /** Expected results per channel and goal over the period at today's plan. */
  predicted: DeckPrediction[]
}

/**
 * The ONE place the deck calls the priority model (scoring + allocation). Every slide that gives a
 * channel a verdict, an hour figure or a prediction reads this adapter's answer, so the deck always
 * agrees with Priorities, and moving the deck to another allocation scenario is an edit here only.
 * The allocation runs twice, with and without the team's pins, so a pin shows beside the model's figure.
 */
export function deckAllocation(input: DeckAllocationInput): DeckAllocation {
  if (input.channels.length === 0) return { scenario: SCENARIO, hours: [], predicted: [] }
  const ranked = scoreChannels(input.channels, input.goals, input.options)
  const decided = allocateHours({ channels: ranked, capacityHours: input.capacityHours, pins: input.pins })
  const model = input.pins.length === 0 ? decided : allocateHours({ channels: ranked, capacityHours: input.capacityHours })
  const modelHours = new Map(model.channels.map((c) => [c.id, c.hours]))
  const hours = decided.channels
    // Retired or idle channels with no hours either way and no decision would only pad the table.
    .filter((c) => c.currentHours > 0 || c.hours > 0 || c.pin !== null)
    .map((c): DeckHoursRow => {
      const own = modelHours.get(c.id) ?? c.hours
      return {
        channelId: c.id,
        currentHoursPerWeek: round1(c.currentHours),
        recommendedHoursPerWeek: round1(c.hours),
        engineHoursPerWeek: c.pin !== null && Math.abs(own - c.hours) >= 0.05 ? round1(own) : null,
        decision:
          c.pin === null
            ? null
            : {
                kind: c.pin.exclude === true ? 'exclude' : 'pin',
                hoursPerWeek: c.pin.exclude === true ? null : (c.pin.minHours ?? null),
                reason: c.pin.reason,
                decidedBy: 'the team, on the Priorities screen',
                date: input.pinDates.get(c.id) ?? ''
              }
      }
    })
  return { scenario: SCENARIO, hours, predicted: predictions(ranked) }
}

const SCENARIO = "the team's capacity, divided where the next hour brings the most toward the goals"

function predictions(ranked: readonly ChannelScore[]): DeckPrediction[] {
  return ranked.flatMap((c) =>
    c.plan.goalUnits
      .filter((g) => g.expectedUnits > 0)
      .map((g) => ({ channelId: c.id, goalId: g.goalId, point: round1(g.expectedUnits), low: null, high: null }))
  )
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}
