/** The zone this computer runs in: the workspace's zone for times a file writes without one, and for "today". */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

// One formatter per zone: building one costs tens of microseconds, and an import of 100k channels or
// influencers asks for today once per row (estimates stamped, stage history dated).
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Today as the person at this computer says it — the date in their zone — not the UTC date: from
 * 16:00 in California the UTC date is already tomorrow, so "due today", "overdue", a quarter's last
 * day and the day an estimate was reviewed were a day off for a third of the day. The calendar on
 * screen counts days in the same zone (calendarDates.todayIn with the browser's zone).
 */
export function localDay(nowMs: number): string {
  const zone = localZone()
  let f = formatters.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(zone, f)
  }
  return f.format(new Date(nowMs)).slice(0, 10)
}
