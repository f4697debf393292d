import type { DeckHoursRow } from '../../../core/deck/deckInput'
import { allocateHours, scoreChannels } from '../../../core/scoring'
import type { Backend } from '../backend'
import { scoringInputs } from './scoringInputs'
import { withDuplicateFlags } from './scoringService'

/**
 * The deck's "recommended hours for next quarter vs this one": the same recommendation the Priorities
 * screen shows (the scoring service's inputs: goals in play, calibrated channels, team capacity,
 * pins), so the deck and the screen never disagree. The allocation is run twice, with and without
 * the pins, so each pin is shown as a decision beside the engine's own figure.
 */
export function deckHours(b: Backend): DeckHoursRow[] {
  const ws = scoringInputs(b)
  if (ws.channels.length === 0) return []
  const ranked = withDuplicateFlags(scoreChannels(ws.channels, ws.goals, ws.options), new Set(ws.duplicates.map((d) => d.channelId)))
  const decided = allocateHours({ channels: ranked, capacityHours: ws.capacityHours, pins: ws.allocationPins })
  const engine = ws.allocationPins.length === 0 ? decided : allocateHours({ channels: ranked, capacityHours: ws.capacityHours })
  const engineHours = new Map(engine.channels.map((c) => [c.id, c.hours]))
  const pinDate = new Map(ws.pins.map((p) => [p.channelId, p.updatedAt.slice(0, 10)]))

  return (
    decided.channels
      // Retired or idle channels with no hours either way and no decision would only pad the table.
      .filter((c) => c.currentHours > 0 || c.hours > 0 || c.pin !== null)
      .map((c) => {
        const engineH = engineHours.get(c.id) ?? c.hours
        return {
          channelId: c.id,
          currentHoursPerWeek: round1(c.currentHours),
          recommendedHoursPerWeek: round1(c.hours),
          engineHoursPerWeek: c.pin !== null && Math.abs(engineH - c.hours) >= 0.05 ? round1(engineH) : null,
          decision:
            c.pin === null
              ? null
              : {
                  kind: c.pin.exclude === true ? ('exclude' as const) : ('pin' as const),
                  hoursPerWeek: c.pin.exclude === true ? null : (c.pin.minHours ?? null),
                  reason: c.pin.reason,
                  decidedBy: 'pin on the Priorities screen',
                  date: pinDate.get(c.id) ?? ''
                }
        }
      })
  )
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}
