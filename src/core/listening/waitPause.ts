import type { BusinessCalendar } from './businessCalendar'

/** One stretch a conversation spent waiting for its author; both ends are ISO UTC instants. */
export type WaitSpan = { from: string; to: string }

/** What a conversation keeps about waiting: since when it waits now, and the waits it has finished. */
export type WaitFields = { state: string; waitingSince: string | null; waits: readonly WaitSpan[] }

/**
 * The waiting fields after a write that may change the state, stamped at `nowIso` (the moment of the
 * gesture): entering "waiting" opens a wait, leaving it closes the wait into `waits`. Both are plain
 * fields that sync like any other, so every computer derives the same pause from the same data.
 * Returns only what changes.
 */
export function waitingChange(before: WaitFields | null, after: WaitFields & { occurredAt: string }, nowIso: string): Partial<Pick<WaitFields, 'waitingSince' | 'waits'>> {
  const wasWaiting = before !== null && before.state === 'waiting'
  const waits = after.state === 'waiting'
  if (waits && !wasWaiting && after.waitingSince === (before?.waitingSince ?? null)) {
    // Never before the conversation happened (an import of old conversations made waiting today).
    return { waitingSince: nowIso < after.occurredAt ? after.occurredAt : nowIso }
  }
  if (!waits && wasWaiting && before.waitingSince !== null) {
    const from = before.waitingSince
    const to = nowIso < from ? from : nowIso
    return { waitingSince: null, waits: [...after.waits, { from, to }] }
  }
  if (!waits && after.waitingSince !== null) return { waitingSince: null }
  return {}
}

/** The pauses of a conversation as instants: its finished waits, and the open one while it waits. */
export function pausesOf(c: WaitFields): { from: number; to: number }[] {
  // Most conversations never waited: no arrays built for them (a recompute runs over 100k).
  if (c.waits.length === 0 && (c.state !== 'waiting' || c.waitingSince === null)) return []
  const out = c.waits.map((w) => ({ from: Date.parse(w.from), to: Date.parse(w.to) })).filter((w) => Number.isFinite(w.from) && Number.isFinite(w.to) && w.to > w.from)
  // An open wait counts only while the conversation is still waiting: if a teammate's edit moved the
  // state on at the same time (sync keeps each field's newest value), the wait with no end is ignored.
  if (c.state === 'waiting' && c.waitingSince !== null) {
    const from = Date.parse(c.waitingSince)
    if (Number.isFinite(from)) out.push({ from, to: Infinity })
  }
  return out.toSorted((a, b) => a.from - b.from)
}

/**
 * The instant `hours` business hours after `startMs` when business time inside the pauses does not
 * count. Null when the calendar ends first, or when an open pause (to = Infinity) begins before the
 * target is reached: the clock is stopped and has no due time until the wait ends.
 */
export function addWithPauses(cal: BusinessCalendar, startMs: number, hours: number, pauses: readonly { from: number; to: number }[]): number | null {
  let cursor = startMs
  let left = hours
  for (const p of pauses) {
    if (p.to <= cursor) continue
    const due = cal.add(cursor, left)
    if (due === null) return null
    // Reached before this pause starts (a pause that starts exactly at the due time is too late).
    if (due <= p.from) return due
    left -= cal.between(cursor, Math.max(cursor, p.from))
    if (p.to === Infinity) return null
    cursor = Math.max(cursor, p.to)
  }
  return cal.add(cursor, left)
}

/**
 * Milliseconds of [fromMs, toMs] spent waiting for the author, from a conversation's finished waits
 * (JSON as stored). The desk's medians count the time the team had the conversation, as its due times
 * do: a question answered in 2 hours after three days waiting for a log file took 2 hours, not 74.
 * Overlapping waits (two computers closing the same wait) count once; unreadable text counts as none.
 */
export function waitedWithin(waitsJson: string, fromMs: number, toMs: number): number {
  let waits: WaitSpan[]
  try {
    const parsed: unknown = JSON.parse(waitsJson)
    if (!Array.isArray(parsed)) return 0
    waits = (parsed as unknown[]).filter((w): w is WaitSpan => typeof w === 'object' && w !== null)
  } catch {
    return 0
  }
  let total = 0
  let reached = fromMs
  // Finished waits only (no state, no open wait): pausesOf keeps the readable ones, sorted.
  for (const w of pausesOf({ state: '', waitingSince: null, waits })) {
    const from = Math.max(w.from, reached)
    const to = Math.min(w.to, toMs)
    if (to > from) total += to - from
    reached = Math.max(reached, to)
  }
  return total
}
