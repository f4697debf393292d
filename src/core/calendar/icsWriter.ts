import ICAL from 'ical.js'

/**
 * An RFC 5545 calendar of content items that Outlook, Google Calendar and Thunderbird import, written
 * with ical.js (the library the checks and most calendar tools read with, so escaping, folding and
 * value types are the library's, not ours): times in UTC (`…Z`) so no VTIMEZONE is needed, and a UID
 * that stays the same across exports so a re-import updates events instead of duplicating them.
 */
export type IcsEvent = {
  uid: string
  /** A UTC instant (timed event) or a calendar date (all-day event). */
  start: { instant: string } | { date: string }
  durationMinutes?: number
  summary: string
  description: string
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
  categories?: string[]
  url?: string
  lastModified?: string
}

/**
 * ical.js folds after 75 octets of *content*, so a continuation line (leading space + 75) is 76 octets;
 * RFC 5545 §3.1 says 75 including that space. Folding one octet earlier keeps every physical line ≤ 75.
 */
const FOLD_OCTETS = 74

function utcTime(instant: string): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(instant), true)
}

function dateOnly(date: string): ICAL.Time {
  return ICAL.Time.fromDateString(date)
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

function vevent(e: IcsEvent, stamp: ICAL.Time): ICAL.Component {
  const ev = new ICAL.Component('vevent')
  ev.addPropertyWithValue('uid', e.uid)
  ev.addPropertyWithValue('dtstamp', stamp)
  if ('instant' in e.start) {
    const startMs = Date.parse(e.start.instant)
    ev.addPropertyWithValue('dtstart', utcTime(e.start.instant))
    ev.addPropertyWithValue('dtend', utcTime(new Date(startMs + (e.durationMinutes ?? 30) * 60_000).toISOString()))
  } else {
    ev.addPropertyWithValue('dtstart', dateOnly(e.start.date))
    ev.addPropertyWithValue('dtend', dateOnly(nextDay(e.start.date)))
    // All-day planning markers should not block anyone's free/busy time.
    ev.addPropertyWithValue('transp', 'TRANSPARENT')
  }
  ev.addPropertyWithValue('summary', e.summary)
  if (e.description !== '') ev.addPropertyWithValue('description', e.description)
  if (e.status) ev.addPropertyWithValue('status', e.status)
  if (e.categories && e.categories.length > 0) {
    const cats = new ICAL.Property('categories')
    cats.setValues(e.categories)
    ev.addProperty(cats)
  }
  if (e.url) ev.addPropertyWithValue('url', e.url)
  if (e.lastModified) ev.addPropertyWithValue('last-modified', utcTime(e.lastModified))
  return ev
}

export function icsWriter(events: readonly IcsEvent[], opts: { nowMs: number; calendarName: string }): string {
  const cal = new ICAL.Component('vcalendar')
  cal.addPropertyWithValue('version', '2.0')
  cal.addPropertyWithValue('prodid', '-//SMO Desk//Editorial calendar//EN')
  cal.addPropertyWithValue('calscale', 'GREGORIAN')
  cal.addPropertyWithValue('method', 'PUBLISH')
  cal.addPropertyWithValue('x-wr-calname', opts.calendarName)
  const stamp = utcTime(new Date(opts.nowMs).toISOString())
  for (const e of events) cal.addSubcomponent(vevent(e, stamp))
  const previous = ICAL.foldLength
  ICAL.foldLength = FOLD_OCTETS
  try {
    return cal.toString() + '\r\n'
  } finally {
    ICAL.foldLength = previous
  }
}
