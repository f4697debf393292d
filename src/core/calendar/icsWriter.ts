/**
 * An RFC 5545 calendar of content items that Outlook, Google Calendar and Thunderbird import:
 * CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT values escaped,
 * times in UTC (`…Z`) so no VTIMEZONE is needed, and a UID that stays the same across exports so a
 * re-import updates events instead of duplicating them.
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

/** UTF-8 length of a string (core has no TextEncoder: it runs without DOM or Node types). */
function octets(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Fold a content line to at most 75 octets per physical line (§3.1), continuing with CRLF + space. */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line
  const parts: string[] = []
  let current = ''
  let used = 0
  let limit = 75
  for (const ch of line) {
    const n = octets(ch)
    if (used + n > limit) {
      parts.push(current)
      current = ''
      used = 0
      // Continuation lines start with a space, which counts toward their 75 octets.
      limit = 74
    }
    current += ch
    used += n
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** `2026-11-23T09:30:00Z` → `20261123T093000Z`. */
export function icsUtc(instant: string): string {
  const d = new Date(instant)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`
}

function icsDate(date: string): string {
  return date.replace(/-/g, '')
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

export function icsWriter(events: readonly IcsEvent[], opts: { nowMs: number; calendarName: string }): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SMO Desk//Editorial calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calendarName)}`
  ]
  const stamp = icsUtc(new Date(opts.nowMs).toISOString())
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`)
    if ('instant' in e.start) {
      const startMs = Date.parse(e.start.instant)
      lines.push(`DTSTART:${icsUtc(e.start.instant)}`, `DTEND:${icsUtc(new Date(startMs + (e.durationMinutes ?? 30) * 60_000).toISOString())}`)
    } else {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(e.start.date)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(e.start.date))}`)
      // All-day planning markers should not block anyone's free/busy time.
      lines.push('TRANSP:TRANSPARENT')
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`)
    if (e.description !== '') lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.status) lines.push(`STATUS:${e.status}`)
    if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`)
    if (e.url) lines.push(`URL:${e.url}`)
    if (e.lastModified) lines.push(`LAST-MODIFIED:${icsUtc(e.lastModified)}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
