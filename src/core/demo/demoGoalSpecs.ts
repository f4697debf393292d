import type { z } from 'zod'
import type { enums } from '../domain/enums'
import type { RoleKey } from './demoMembers'

export type GoalKey = 'demo' | 'pipe' | 'sov' | 'subs' | 'hours' | 'care'

/** How a goal is measured (the goal's `kind`): a count or total, money, or a rate in per cent. */
export type GoalMeasure = z.infer<typeof enums.goalKind>

export type GoalSpec = {
  key: GoalKey
  driver: z.infer<typeof enums.driver>
  objective: string
  kpiName: string
  kpiUnit: string
  measure: GoalMeasure
  owner: RoleKey
  priority: number
  weight: number
  source: string
  decimals: number
  /** Counts and money that only grow within a quarter never dip week to week. */
  cumulative: boolean
  /** The goal's value is the sum of the results of the content linked to it (not a separate trend). */
  fromContent: boolean
}

export const GOAL_SPECS: Readonly<Record<GoalKey, GoalSpec>> = {
  demo: { key: 'demo', driver: 'revenue', objective: 'Turn our content into qualified pipeline', kpiName: 'Qualified demo requests', kpiUnit: 'requests', measure: 'count', owner: 'pmm', priority: 5, weight: 3, source: 'HubSpot', decimals: 0, cumulative: true, fromContent: true },
  pipe: { key: 'pipe', driver: 'revenue', objective: 'Show the revenue our marketing touches', kpiName: 'Influenced pipeline', kpiUnit: '€', measure: 'money', owner: 'pmm', priority: 4, weight: 2, source: 'HubSpot (influenced deals)', decimals: 0, cumulative: true, fromContent: true },
  sov: { key: 'sov', driver: 'reputation', objective: 'Be the name analysts and peers mention for data observability', kpiName: 'Share of voice in analyst/peer mentions', kpiUnit: '%', measure: 'rate', owner: 'head', priority: 4, weight: 2, source: 'Brandwatch export', decimals: 1, cumulative: false, fromContent: false },
  subs: { key: 'subs', driver: 'reach', objective: 'Grow an audience that reads us every week', kpiName: 'Newsletter subscribers', kpiUnit: 'subscribers', measure: 'count', owner: 'content', priority: 3, weight: 1.5, source: 'Mailchimp', decimals: 0, cumulative: true, fromContent: false },
  hours: { key: 'hours', driver: 'return_on_operations', objective: 'Publish more with the same team by reusing what we make', kpiName: 'Hours saved per published piece', kpiUnit: 'h', measure: 'count', owner: 'content', priority: 2, weight: 1, source: 'Time tracking', decimals: 1, cumulative: false, fromContent: false },
  care: { key: 'care', driver: 'customer_care', objective: 'Answer the community within a day', kpiName: 'Community questions answered within 24h', kpiUnit: '%', measure: 'rate', owner: 'community', priority: 4, weight: 2, source: 'Discourse', decimals: 0, cumulative: false, fromContent: false }
}

/** Goals measured as rates get fractional results on content; counts and money stay whole. */
export const FRACTIONAL: ReadonlySet<GoalKey> = new Set<GoalKey>(['sov', 'care', 'hours'])

/**
 * Newsletter subscribers on a day: the list grows faster every quarter (the newsletter "took off"),
 * about 3 % a quarter two years ago and 20 % this quarter. Shared by the subscriber goal and the
 * newsletter channel's audience, so the two always agree.
 */
const SUBS_AT_CURRENT_START = 8600
const SUBS_GROWTH = [0.2, 0.15, 0.1, 0.07, 0.05, 0.04, 0.03] as const

export function subscribersAt(day: number, current: { start: number; end: number }, quarterOf: (d: number) => { start: number; end: number }): number {
  // Walk quarter by quarter from the current quarter's start (known level) to the day's quarter.
  let start = current.start
  let level = SUBS_AT_CURRENT_START
  let k = 0
  while (day < start) {
    k++
    const q = quarterOf(start - 1)
    level = level / (1 + (SUBS_GROWTH[Math.min(k, SUBS_GROWTH.length - 1)] ?? 0.03))
    start = q.start
  }
  while (day > quarterOf(start).end) {
    level = level * (1 + (SUBS_GROWTH[Math.max(0, k)] ?? 0.2))
    start = quarterOf(start).end + 1
    k = Math.max(0, k - 1)
  }
  const q = quarterOf(start)
  const g = SUBS_GROWTH[Math.min(Math.max(k, 0), SUBS_GROWTH.length - 1)] ?? 0.03
  const f = (day - q.start) / (q.end - q.start + 1)
  return level * Math.pow(1 + g, f)
}
