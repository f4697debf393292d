import type { DeskPolicy } from '../domain/deskPolicy'
import type { BusinessCalendar } from './businessCalendar'

export type ClockInput = {
  occurredAt: string
  type: string
  priority: string
  state: string
  firstResponseAt: string | null
  deletedAt?: string | null
}

/** A conversation's due times under the desk's targets; every instant is ISO UTC or null. */
export type Clocks = {
  firstResponseDueAt: string | null
  resolutionDueAt: string | null
  /** The clock that runs now: first response until answered, then resolution; null once resolved. */
  nextDueAt: string | null
  /** When the running clock has `warnHours` business hours left (about to breach from then on). */
  warnAt: string | null
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

/** The response target of one type × priority, in business hours; null when none is set. */
export function targetOf(policy: Pick<DeskPolicy, 'targets'>, type: string, priority: string): { first: number; resolve: number } | null {
  const t = policy.targets.find((x) => x.type === type && x.priority === priority)
  return t ? { first: t.firstResponseHours, resolve: t.resolutionHours } : null
}

/**
 * Both clocks start when the conversation happened (not when someone noticed it): a post left unseen
 * over a weekend counts the business hours from Monday morning, as the customer experiences it.
 */
export function deskClocks(c: ClockInput, policy: Pick<DeskPolicy, 'targets' | 'warnHours'>, cal: BusinessCalendar): Clocks {
  const target = targetOf(policy, c.type, c.priority)
  const start = Date.parse(c.occurredAt)
  if (target === null || !Number.isFinite(start)) return { firstResponseDueAt: null, resolutionDueAt: null, nextDueAt: null, warnAt: null }
  const first = cal.add(start, target.first)
  const resolve = cal.add(start, target.resolve)
  const open = c.state !== 'resolved' && (c.deletedAt ?? null) === null
  const next = !open ? null : c.firstResponseAt === null ? first : resolve
  return {
    firstResponseDueAt: iso(first),
    resolutionDueAt: iso(resolve),
    nextDueAt: iso(next),
    warnAt: next === null ? null : iso(cal.subtract(next, policy.warnHours) ?? start)
  }
}

/** Breach flags at `now` for a conversation with its clocks (inbox rows, My work, the CLI). */
export function clockState(c: { state: string; firstResponseAt: string | null; resolvedAt: string | null }, k: Clocks, now: string) {
  const firstResponseBreached = k.firstResponseDueAt !== null && (c.firstResponseAt ?? (c.state === 'resolved' ? c.resolvedAt : null) ?? now) > k.firstResponseDueAt
  const resolutionBreached = k.resolutionDueAt !== null && (c.state === 'resolved' ? (c.resolvedAt ?? now) : now) > k.resolutionDueAt
  const overdue = k.nextDueAt !== null && now > k.nextDueAt
  const aboutToBreach = !overdue && k.nextDueAt !== null && k.warnAt !== null && now >= k.warnAt
  return { firstResponseBreached, resolutionBreached, breached: firstResponseBreached || resolutionBreached, overdue, aboutToBreach }
}
