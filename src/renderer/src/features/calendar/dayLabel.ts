const short = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const long = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "Tue 8 Dec" (in the viewer's locale): how moves and saves name a day when spoken or shown. */
export function dayLabel(date: string): string {
  return short.format(new Date(`${date}T00:00:00Z`))
}

/** "Tuesday 8 December 2026": a day cell's spoken name, which a bare "8" does not give. */
export function fullDayLabel(date: string): string {
  return long.format(new Date(`${date}T00:00:00Z`))
}
