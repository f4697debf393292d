import type { DeskPolicy } from '../domain/deskPolicy'
import type { BusinessCalendar } from './businessCalendar'
import { addWithPauses, pausesOf, type WaitSpan } from './waitPause'

export type ClockInput = {
  occurredAt: string
  type: string
  priority: string
  state: string
  firstResponseAt: string | null
  deletedAt?: string | null
  /** Waiting for the author pauses both clocks (see waitPause.ts); absent = never waited. */
  waitingSince?: string | null
  waits?: readonly WaitSpan[]
}

/** A conversation's due times under the desk's targets; every instant is ISO UTC or null. */
export type Clocks = {
  firstResponseDueAt: string | null
  resolutionDueAt: string | null
  /** The clock that runs now: first response until answered, then resolution; null once resolved or while waiting. */
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
 *
 * Business time spent waiting for the author does not count (help desks' "pending on customer"): each
 * due time moves out by the business hours waited before it. While the conversation waits, a clock
 * that had not run out yet has no due time (it is stopped); one that ran out before the wait keeps its
 * missed due time, so a breach is never undone by waiting. Nothing runs while waiting (`nextDueAt` null).
 */
export function deskClocks(c: ClockInput, policy: Pick<DeskPolicy, 'targets' | 'warnHours'>, cal: BusinessCalendar): Clocks {
  const target = targetOf(policy, c.type, c.priority)
  const start = Date.parse(c.occurredAt)
  if (target === null || !Number.isFinite(start)) return { firstResponseDueAt: null, resolutionDueAt: null, nextDueAt: null, warnAt: null }
  const pauses = pausesOf({ state: c.state, waitingSince: c.waitingSince ?? null, waits: c.waits ?? [] })
  const due = (hours: number, within = pauses) => (within.length === 0 ? cal.add(start, hours) : addWithPauses(cal, start, hours, within))
  // Once answered, the first-response clock has stopped: a wait after the answer does not move it.
  const answered = c.firstResponseAt === null ? NaN : Date.parse(c.firstResponseAt)
  const beforeAnswer = Number.isFinite(answered) ? pauses.filter((p) => p.from < answered).map((p) => ({ from: p.from, to: Math.min(p.to, answered) })) : pauses
  const first = due(target.first, beforeAnswer)
  const resolve = due(target.resolve)
  const open = c.state !== 'resolved' && (c.deletedAt ?? null) === null
  const paused = c.state === 'waiting' && (c.waitingSince ?? null) !== null
  const running = c.firstResponseAt === null ? target.first : target.resolve
  const next = !open || paused ? null : c.firstResponseAt === null ? first : resolve
  // The about-to-breach moment is when `warnHours` of the running target are left, pauses included.
  const warn = next === null ? null : pauses.length === 0 ? (cal.subtract(next, policy.warnHours) ?? start) : running > policy.warnHours ? due(running - policy.warnHours) : start
  return {
    firstResponseDueAt: iso(first),
    resolutionDueAt: iso(resolve),
    nextDueAt: iso(next),
    warnAt: iso(warn)
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
