/** A span of days, inclusive, as ISO dates. */
export type Period = { from: string; to: string }

/** Earlier web-analytics numbers a new export takes the place of: which file, which of its days, how many numbers. */
export type Replaced = { fileName: string; from: string; to: string; numbers: number }

const isoOf = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`

/**
 * The days a GA4 export covers: its "# Start date" and "# End date" lines when it has them (an
 * aggregated report has no Date column, and its period is only there), else the first and last date
 * of its rows; null for a file with neither.
 */
export function resultsPeriod(comments: readonly string[], dates: readonly string[]): Period | null {
  const line = (name: string) => comments.map((l) => new RegExp(`^#\\s*${name} date:\\s*(\\d{8})`, 'i').exec(l)?.[1]).find((d) => d !== undefined)
  const start = line('start')
  const end = line('end')
  let from = start !== undefined ? isoOf(start) : null
  let to = end !== undefined ? isoOf(end) : null
  for (const d of dates) {
    if (start === undefined && (from === null || d < from)) from = d
    if (end === undefined && (to === null || d > to)) to = d
  }
  return from !== null && to !== null ? { from: from <= to ? from : to, to: from <= to ? to : from } : null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`

/** "1 Nov 2026 – 30 Nov 2026", or one day. */
export function periodText(p: Period): string {
  return p.from === p.to ? day(p.from) : `${day(p.from)} – ${day(p.to)}`
}

/**
 * The sentence a preview shows when a web-analytics export covers days already imported from another
 * file: re-exporting a period with fresher numbers is common, so the new file's numbers take the place
 * of the earlier ones for those days instead of counting twice.
 */
export function replacedSentence(period: Period | null, replaced: readonly Replaced[]): string | null {
  if (replaced.length === 0 || period === null) return null
  const earlier = replaced.map((r) => `${r.numbers} ${r.numbers === 1 ? 'number' : 'numbers'} from ${r.fileName} (${periodText(r)})`).join(', ')
  return `This file covers ${periodText(period)}, which overlaps web-analytics results already imported: ${earlier}. Those are replaced by this file's numbers, so nothing is counted twice.`
}
