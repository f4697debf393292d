import { deckAllocation, type DeckAllocation } from '../../../core/deck/deckAllocation'
import type { Backend } from '../backend'
import { scoringInputs, type ScoringAt } from './scoringInputs'

/**
 * The deck's allocation and predictions: the scoring service's inputs (goals in play, calibrated
 * channels, team capacity, pins) through the core adapter, so the deck and Priorities never disagree.
 */
export function deckHours(b: Backend, at?: ScoringAt): DeckAllocation {
  const ws = scoringInputs(b, {}, at)
  return deckAllocation({
    channels: ws.channels,
    goals: ws.goals,
    options: ws.options,
    capacityHours: ws.capacityHours,
    pins: ws.allocationPins,
    pinDates: new Map(ws.pins.map((p) => [p.channelId, p.updatedAt.slice(0, 10)]))
  })
}
