import { registerKindRule, type KindRule } from './kindRules'
import { recordRepo } from '../repo/recordRepo'
import { localDay } from '../localDay'

/** The channel fields a score is estimated from; changing one is a review of the estimates. */
export const ESTIMATE_FIELDS = ['audienceSize', 'goalLinks', 'confidence', 'cadencePerWeek', 'hoursPerPost', 'fixedHoursPerMonth', 'costPerMonth'] as const

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * Dates the estimates whenever a person changes one, so staleness ("not reviewed for 90 days") means
 * what it says without anyone remembering to touch the date. A date typed in the same edit wins:
 * someone back-filling last month's review knows better than the clock.
 */
export const stampEstimates: KindRule = (b, before, after) => {
  const today = localDay(b.now())
  if (before === null) return after.estimatesUpdatedAt === null ? { issues: [], extra: { estimatesUpdatedAt: today } } : { issues: [] }
  const changed = ESTIMATE_FIELDS.some((f) => !same(before[f], after[f]))
  if (!changed || !same(before.estimatesUpdatedAt, after.estimatesUpdatedAt)) return { issues: [] }
  return { issues: [], extra: { estimatesUpdatedAt: today } }
}

/** One pin per channel: two would contradict each other and the allocation would silently take the first. */
export const onePinPerChannel: KindRule = (b, before, after) => {
  if (before !== null && before.channelId === after.channelId) return { issues: [] }
  const others = recordRepo.list(b.db, 'pin', { where: [{ field: 'channelId', op: 'eq', value: String(after.channelId) }], limit: 2 }).items
  return others.some((p) => p.id !== before?.id)
    ? { issues: [{ path: ['channelId'], message: 'This channel already has a pin; change or remove that one' }] }
    : { issues: [] }
}

let registered = false

/** Idempotent, so tests and every host can call it. */
export function scoringRules(): void {
  if (registered) return
  registered = true
  registerKindRule('channel', stampEstimates)
  registerKindRule('pin', onePinPerChannel)
}
