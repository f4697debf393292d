/**
 * Per-column filter semantics, kept pure so they are unit-tested without a DOM.
 * Text-like columns match "contains" on what the cell shows (so "LinkedIn" finds `linkedin`);
 * number columns accept `>10`, `>=10`, `<5`, `<=5`, `=3`, `3`, or a range `10..20`.
 */
export function containsText(text: string, query: string): boolean {
  const q = query.trim().toLocaleLowerCase()
  return q === '' || text.toLocaleLowerCase().includes(q)
}

type NumberTest = (v: number) => boolean

export function parseNumberFilter(expr: string): NumberTest | undefined {
  const s = expr.replace(/[\s,_]/g, '')
  if (s === '') return undefined
  const range = /^(-?\d*\.?\d+)\.\.(-?\d*\.?\d+)$/.exec(s)
  if (range !== null) {
    const lo = Number(range[1])
    const hi = Number(range[2])
    return (v) => v >= Math.min(lo, hi) && v <= Math.max(lo, hi)
  }
  const cmp = /^(>=|<=|>|<|=)?(-?\d*\.?\d+)$/.exec(s)
  if (cmp === null) return undefined
  const n = Number(cmp[2])
  switch (cmp[1]) {
    case '>': return (v) => v > n
    case '>=': return (v) => v >= n
    case '<': return (v) => v < n
    case '<=': return (v) => v <= n
    default: return (v) => v === n
  }
}

/** An unreadable number filter filters nothing; the input marks itself invalid instead. */
export function matchesNumber(expr: string, v: number | undefined): boolean {
  const test = parseNumberFilter(expr)
  if (test === undefined) return true
  return v !== undefined && test(v)
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Ascending comparison of two cell values; enums compare by their place in `options`. */
export function compareValues(a: unknown, b: unknown, options?: readonly string[]): number {
  if (options !== undefined && typeof a === 'string' && typeof b === 'string') return options.indexOf(a) - options.indexOf(b)
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return collator.compare(String(a), String(b))
}
