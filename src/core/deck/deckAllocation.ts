import { planPriorities, type ModelInput, type ModelPin } from '../scoring'
import { prepareModel } from '../scoring/modelCore'
import { channelGoalRange, plannedHours } from '../scoring/predictGoalResults'
import type { DeckDecision, DeckHoursRow, DeckPrediction } from './deckInput'

/** What the deck needs from the priority model: its inputs on two days. */
export type DeckAllocationInput = {
  /** The workspace as it stands on `planDay` (today, or a past quarter's last day). */
  plan: ModelInput
  planDay: string
  /** The workspace as it stood when the quarter began, for what the model expected of it. */
  forecast: ModelInput
  quarterStart: string
  /** When each channel's pin was last set, 'YYYY-MM-DD', for the decision line. */
  pinDates: ReadonlyMap<string, string>
}

export type DeckAllocation = {
  /** The scenario in words, printed on the next-quarter slide. */
  scenario: string
  hours: DeckHoursRow[]
  /** Expected results per channel and goal over the quarter at the plan it started with (80 % range). */
  predicted: DeckPrediction[]
}

/** The Priorities screen's default: the same hours as today's plan, re-divided. */
const SCENARIO = 'same-hours' as const

/**
 * The ONE place the deck calls the priority model. Every slide that gives a channel a verdict, an
 * hour figure or a prediction reads this answer, so the deck agrees with Priorities (same model, same
 * default scenario); moving the deck to another scenario is an edit here only. The allocation runs a
 * second time without the team's pins, so a pinned channel shows the model's own figure beside it.
 */
export function deckAllocation(input: DeckAllocationInput): DeckAllocation {
  const predicted = predictions(linksByKpi(input.forecast), input.quarterStart)
  if (input.plan.channels.length === 0) return { scenario: 'no channels with estimates yet', hours: [], predicted }
  const options = { today: input.planDay, scenario: SCENARIO, draws: 0 }
  const decided = planPriorities(input.plan, options, 0)
  const own = input.plan.pins.length === 0 ? decided : planPriorities({ ...input.plan, pins: [] }, options, 0)
  const modelHours = new Map(own.allocation.rows.map((r) => [r.channelId, r.hours]))
  const pins = new Map(input.plan.pins.map((p) => [p.channelId, p]))
  const hours = decided.allocation.rows
    // Retired or idle channels with no hours either way and no decision would only pad the table.
    .filter((r) => r.currentHours > 0 || r.hours > 0 || r.pinned !== null)
    .map((r): DeckHoursRow => {
      const alone = modelHours.get(r.channelId) ?? r.hours
      const pin = r.pinned === null ? null : (pins.get(r.channelId) ?? null)
      return {
        channelId: r.channelId,
        currentHoursPerWeek: round1(r.currentHours),
        recommendedHoursPerWeek: round1(r.hours),
        engineHoursPerWeek: pin !== null && Math.abs(alone - r.hours) >= 0.05 ? round1(alone) : null,
        decision: pin === null ? null : decision(pin, input.pinDates.get(r.channelId) ?? '')
      }
    })
  return { scenario: decided.allocation.statement, hours, predicted }
}

function decision(pin: ModelPin, date: string): DeckDecision {
  if (pin.exclude) return { kind: 'exclude', hoursPerWeek: null, reason: pin.reason, decidedBy: 'the team, on Priorities', date }
  const fixed = pin.maxHours !== null && pin.maxHours === pin.minHours
  return { kind: fixed ? 'override' : 'pin', hoursPerWeek: pin.minHours, reason: pin.reason, decidedBy: 'the team, on Priorities', date }
}

/** Per channel and goal: the model's 80 % range for the quarter at the hours planned when it began. */
function predictions(input: ModelInput, start: string): DeckPrediction[] {
  if (input.channels.length === 0 || input.goals.length === 0) return []
  const p = prepareModel(input, start, true)
  const hours = plannedHours(p)
  return p.channels.flatMap((ch, ci) =>
    ch.links.map((l, li) => {
      const r = channelGoalRange(p, ci, li, hours[ci] ?? 0)
      return { channelId: ch.c.id, goalId: l.goalId, point: round1(r.point), low: round1(r.low), high: round1(r.high) }
    })
  ).filter((x) => x.point > 0)
}

/**
 * A channel's goal links name the goal the team works on now; for a past quarter they are read as
 * links to that quarter's goal with the same KPI, as its results already are (goalKeys).
 */
export function linksByKpi(input: ModelInput): ModelInput {
  const inPlay = new Set(input.goals.map((g) => g.id))
  const byKey = new Map(input.goals.map((g) => [input.goalKeys.get(g.id) ?? g.id, g.id]))
  return {
    ...input,
    channels: input.channels.map((c) => ({
      ...c,
      links: c.links.flatMap((l) => {
        if (inPlay.has(l.goalId)) return [l]
        const same = byKey.get(input.goalKeys.get(l.goalId) ?? '')
        // Two links landing on one goal keep the first: a channel has one rate per goal.
        return same === undefined || c.links.some((o) => o.goalId === same) ? [l] : [{ ...l, goalId: same }]
      })
    }))
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10
}
