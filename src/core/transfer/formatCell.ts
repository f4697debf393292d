/**
 * A stored value as a CSV cell for the full export: numbers and ISO dates as stored (no locale, so
 * any spreadsheet and `smo import` read them back), arrays and objects as JSON, blank for null.
 */
export function formatCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value
  return JSON.stringify(value)
}
