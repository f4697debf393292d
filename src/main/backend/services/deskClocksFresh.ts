import type { Backend } from '../backend'
import { refreshClocks } from './deskClockStore'

/**
 * Brings the local due-time table (conversation_clock) up to date before the numbers read it, so a
 * change of business hours shows in the dashboard at once. The inbox's own refresh: only stale rows
 * (a read-only workspace gets a temporary copy of the table, so a CLI report works on it too).
 */
export function deskClocksFresh(b: Backend): void {
  refreshClocks(b)
}
