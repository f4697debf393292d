import type { z } from 'zod'
import type { KindName, recordKinds } from '../domain/recordKinds'

/**
 * The kinds the demo fills. Every other kind (pins, score snapshots…: made by people and by scoring,
 * not by the generator) comes back as an empty list, so callers can loop over all `kindNames`.
 */
export const demoKinds = ['member', 'goal', 'measurement', 'channel', 'campaign', 'content', 'influencer', 'conversation', 'expert', 'watch', 'routingRule', 'escalationLadder', 'approvedAnswer', 'handoff', 'deskPolicy', 'linkConvention', 'taskTemplate', 'task', 'comment'] as const satisfies readonly KindName[]
export type DemoKind = (typeof demoKinds)[number]

/** One generated record: the id plus exactly the fields its kind's schema describes. */
export type DemoRecord<K extends KindName> = { id: string } & z.infer<(typeof recordKinds)[K]['fields']>

/** What the generator fills in. */
export type DemoFilled = { [K in DemoKind]: DemoRecord<K>[] }

/** A whole demo workspace, by record kind; every record passes its kind's `fields` schema and `check`. */
export type DemoData = { [K in KindName]: DemoRecord<K>[] }

export type DemoOptions = {
  seed: number
  /** The day the demo is "now", 'YYYY-MM-DD'; quarters are calendar quarters relative to it. */
  today: string
  /** Bigger workspaces for benchmarks: more content items, spread over more years back from today. */
  scale?: { contentItems?: number; years?: number }
}
