import { compareScores } from './compareScores'
import { formatNumber } from './formatNumber'
import { nonNegative } from './numeric'
import { responseCurve, type ResponseCurve } from './responseCurve'
import type { ChannelScore } from './types'

/** A person's decision about a channel, with the reason the review deck shows beside the score. */
export type AllocationPin = {
  channelId: string
  /** At least this many hours a week (set min = max to fix the hours). */
  minHours?: number
  maxHours?: number
  /** Keep the channel out entirely: 0 hours, whatever its score. */
  exclude?: boolean
  reason: string
}

/** Robyn-style channel bounds relative to today's hours, for channels without a pin. */
export type AllocationBounds = {
  /** e.g. 0.5: never below half of today's hours. */
  minShareOfCurrent?: number
  /** e.g. 2: never above twice today's hours. */
  maxShareOfCurrent?: number
}

export type AllocationInput = {
  channels: readonly ChannelScore[]
  /** Team hours per week. */
  capacityHours: number
  /** Default 0.5. */
  sliceHours?: number
  pins?: readonly AllocationPin[]
  bounds?: AllocationBounds
}

export type AllocationEntry = {
  channel: ChannelScore
  curve: ResponseCurve | null
  pin: AllocationPin | null
  lower: number
  upper: number
  hours: number
}

export type AllocationSetup = {
  entries: AllocationEntry[]
  capacity: number
  slice: number
  /** Capacity left after the minimums. */
  remaining: number
  warnings: string[]
}

export const DEFAULT_SLICE_HOURS = 0.5

/**
 * Orders channels by rank (so results do not depend on input order), resolves each one's bounds and
 * gives out the minimums: pinned minimums first, then bound minimums, in rank order. If capacity
 * cannot cover them all the later ones are cut and a warning says so. Minimums are handed out in a
 * fixed order, which keeps every channel's hours monotone in capacity.
 */
export function allocationSetup(input: AllocationInput): AllocationSetup {
  const capacity = nonNegative(input.capacityHours)
  const sliceIn = nonNegative(input.sliceHours ?? DEFAULT_SLICE_HOURS)
  const slice = sliceIn > 0 ? sliceIn : DEFAULT_SLICE_HOURS
  const warnings: string[] = []
  const pins = new Map<string, AllocationPin>()
  for (const pin of input.pins ?? []) if (!pins.has(pin.channelId)) pins.set(pin.channelId, pin)
  const known = new Set(input.channels.map((c) => c.id))
  for (const id of pins.keys()) if (!known.has(id)) warnings.push(`Pin for unknown channel "${id}" ignored`)

  const minShare = nonNegative(input.bounds?.minShareOfCurrent)
  const maxShare = input.bounds?.maxShareOfCurrent === undefined ? Number.POSITIVE_INFINITY : nonNegative(input.bounds.maxShareOfCurrent)

  const seen = new Set<string>()
  const entries: AllocationEntry[] = [...input.channels]
    .sort(compareScores)
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true))) // a duplicated id is allocated once
    .map((channel) => {
      const curve = responseCurve(channel)
      const pin = pins.get(channel.id) ?? null
      const current = channel.plan.hoursPerWeek
      let lower = curve === null ? 0 : minShare * current
      let upper = curve === null ? 0 : maxShare * current
      if (pin !== null) {
        if (pin.exclude === true) return { channel, curve, pin, lower: 0, upper: 0, hours: 0 }
        if (pin.minHours !== undefined) lower = nonNegative(pin.minHours)
        if (pin.maxHours !== undefined) upper = nonNegative(pin.maxHours)
        else if (pin.minHours !== undefined && curve === null) upper = lower
        if (upper < lower) upper = lower
      }
      if (upper < lower) lower = upper
      return { channel, curve, pin, lower, upper, hours: 0 }
    })

  let remaining = capacity
  const pinnedFirst = [...entries.filter((e) => e.pin !== null), ...entries.filter((e) => e.pin === null)]
  for (const e of pinnedFirst) {
    if (e.lower <= 0) continue
    const give = Math.min(e.lower, remaining)
    e.hours = give
    remaining -= give
    if (give < e.lower) {
      warnings.push(
        `Capacity ${formatNumber(capacity)} h/week does not cover the minimum of ${formatNumber(e.lower)} h for ${e.channel.name}` +
          ` (${formatNumber(give)} h given)`
      )
    }
  }
  return { entries, capacity, slice, remaining: Math.max(0, remaining), warnings }
}
