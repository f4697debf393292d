import { deckAllocation, type DeckAllocation } from '../../../core/deck/deckAllocation'
import type { Backend } from '../backend'
import { scoringInputs, type ScoringAt } from './scoringInputs'

/**
 * The deck's allocation and predictions: the scoring service's inputs (goals in play, calibrated
 * channels, team capacity, pins) through the core adapter, so the deck and Priorities never disagree.
 *
 * For a past quarter the goals in play are that quarter's, but a channel's goal links may name the
 * same KPI's goal of a later quarter (links follow the goal the team works on now); such a link is
 * read as a link to the in-play goal with the same KPI, as the evidence is (scoringInputs observations).
 */
export function deckHours(b: Backend, at?: ScoringAt): DeckAllocation {
  const ws = scoringInputs(b, {}, at)
  const kpi = (name: string): string => name.trim().toLowerCase()
  const inPlay = new Set(ws.goals.map((g) => g.id))
  const byKpi = new Map(ws.goals.map((g) => [kpi(g.kpiName), g.id]))
  const allGoals = at?.records === undefined ? [] : (at.records('goal') as { id: string; kpiName: string }[])
  const kpiOf = new Map(allGoals.map((g) => [g.id, kpi(g.kpiName)]))
  const channels = ws.channels.map((c) => ({
    ...c,
    links: c.links.map((l) => {
      if (inPlay.has(l.goalId)) return l
      const same = byKpi.get(kpiOf.get(l.goalId) ?? '')
      return same === undefined ? l : { ...l, goalId: same }
    })
  }))
  return deckAllocation({
    channels,
    goals: ws.goals,
    options: ws.options,
    capacityHours: ws.capacityHours,
    pins: ws.allocationPins,
    pinDates: new Map(ws.pins.map((p) => [p.channelId, p.updatedAt.slice(0, 10)]))
  })
}
