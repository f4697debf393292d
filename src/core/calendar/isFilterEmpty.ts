import type { CalendarFilter } from './calendarFilter'

/** True when the filter narrows nothing. Apart from the schema (calendarFilter.ts), so the calendar's filter bar loads no zod (issue #17). */
export function isFilterEmpty(f: CalendarFilter): boolean {
  return !(f.channelIds?.length || f.campaignIds?.length || f.ownerIds?.length || f.statuses?.length || f.pillars?.length || f.q?.trim())
}
