import { allocationSetup, type AllocationEntry, type AllocationInput, type AllocationPin } from './allocationSetup'
import { MaxHeap } from './maxHeap'
import { curveGain, curveValue, postsForHours } from './responseCurve'

export type ChannelAllocation = {
  id: string
  name: string
  rank: number
  currentHours: number
  hours: number
  deltaHours: number
  currentPostsPerWeek: number
  postsPerWeek: number
  /** Impact points over the period at today's hours and at the recommended hours. */
  currentImpact: number
  impact: number
  /** Points one more hour a week would add, ignoring this channel's upper bound. */
  marginalValue: number
  /** Where a bound stops the channel: 'min' (held up), 'max' (capped), or null. */
  limit: 'min' | 'max' | null
  pin: AllocationPin | null
  excluded: boolean
}

export type Allocation = {
  capacityHours: number
  sliceHours: number
  allocatedHours: number
  unallocatedHours: number
  currentHours: number
  currentImpact: number
  impact: number
  /** Points one more hour of team capacity would add (the next slices greedy would hand out). */
  teamMarginalValue: number
  /** Channel that would get the next slice, or null if no channel can use more hours. */
  nextHourGoesTo: string | null
  /** Sorted by rank. */
  channels: ChannelAllocation[]
  warnings: string[]
}

const EPS = 1e-9

/**
 * Best use of the team's weekly hours (SCORING.md "allocation"): after the minimums, each slice goes
 * to the channel whose next slice adds the most impact. Curves are concave, so this greedy is optimal
 * among slice-multiples, and the order in which slices are handed out does not depend on capacity,
 * so no channel's hours shrink when capacity grows.
 */
export function allocateHours(input: AllocationInput): Allocation {
  const setup = allocationSetup(input)
  const { entries, slice } = setup
  const heap = new MaxHeap(entries.length)
  const stepOf = (e: AllocationEntry): number => Math.min(slice, e.upper - e.hours)
  const keyOf = (e: AllocationEntry): number => {
    const step = stepOf(e)
    // Compare per hour so a short last step before an upper bound is not under-valued.
    return e.curve === null || step <= EPS ? 0 : curveGain(e.curve, e.hours, step) / step
  }
  entries.forEach((e, i) => {
    const key = keyOf(e)
    if (key > 0) heap.push(i, key)
  })

  let remaining = setup.remaining
  while (remaining >= slice - EPS) {
    const i = heap.pop()
    if (i === undefined) break
    const e = entries[i]
    if (e === undefined) break
    const step = Math.min(stepOf(e), remaining)
    e.hours += step
    remaining -= step
    const key = keyOf(e)
    if (key > 0) heap.push(i, key)
  }

  const results = entries.map((e) => toResult(e))
  // One more hour of capacity: keep the greedy going for one hour on a scratch copy of the hours.
  const nextHourGoesTo = heap.peek() === undefined ? null : (entries[heap.peek() ?? 0]?.channel.id ?? null)
  let teamMarginalValue = 0
  for (let left = 1; left > EPS; ) {
    const i = heap.pop()
    const e = i === undefined ? undefined : entries[i]
    if (i === undefined || e === undefined || e.curve === null) break
    const step = Math.min(stepOf(e), left)
    teamMarginalValue += curveGain(e.curve, e.hours, step)
    e.hours += step
    left -= step
    const key = keyOf(e)
    if (key > 0) heap.push(i, key)
  }

  const allocatedHours = results.reduce((a, r) => a + r.hours, 0)
  return {
    capacityHours: setup.capacity,
    sliceHours: slice,
    allocatedHours,
    unallocatedHours: Math.max(0, setup.capacity - allocatedHours),
    currentHours: results.reduce((a, r) => a + r.currentHours, 0),
    currentImpact: results.reduce((a, r) => a + r.currentImpact, 0),
    impact: results.reduce((a, r) => a + r.impact, 0),
    teamMarginalValue,
    nextHourGoesTo,
    channels: results,
    warnings: setup.warnings
  }
}

function toResult(e: AllocationEntry): ChannelAllocation {
  const c = e.channel
  const current = c.plan.hoursPerWeek
  const curve = e.curve
  return {
    id: c.id,
    name: c.name,
    rank: c.rank,
    currentHours: current,
    hours: e.hours,
    deltaHours: e.hours - current,
    currentPostsPerWeek: c.plan.postsPerWeek,
    postsPerWeek: postsForHours(c, e.hours),
    currentImpact: curve === null ? 0 : curveValue(curve, current),
    impact: curve === null ? 0 : curveValue(curve, e.hours),
    marginalValue: curve === null ? 0 : curveGain(curve, e.hours, 1),
    limit: limitOf(e),
    pin: e.pin,
    excluded: e.pin?.exclude === true
  }
}

function limitOf(e: AllocationEntry): 'min' | 'max' | null {
  if (e.lower > 0 && e.hours <= e.lower + EPS) return 'min'
  // Excluded and unscalable channels sit at 0 by nature, not because a bound caps them.
  if (e.pin?.exclude === true || e.curve === null) return null
  return e.hours >= e.upper - EPS ? 'max' : null
}
