import type { Backend } from '../backend'
import { refreshClocks } from './deskClockStore'

/**
 * Brings the local due-time table (conversation_clock) up to date before the numbers read it, so a
 * change of business hours shows in the dashboard at once. The inbox's own refresh: only stale rows.
 * A workspace opened read-only (a CLI report) cannot write them; it reads the due times as they were
 * last computed rather than failing.
 */
export function deskClocksFresh(b: Backend): void {
  if (b.db.raw.readonly) return
  refreshClocks(b)
}
