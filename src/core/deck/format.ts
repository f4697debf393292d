/**
 * Number and date formatting for slides. Fixed to en-US conventions so a deck is byte-identical on
 * every machine whatever its locale (the same data must give the same deck).
 */
const formatters = new Map<number, Intl.NumberFormat>()

function nf(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits)
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    formatters.set(digits, f)
  }
  return f
}

export const format = {
  /** 12,345 or 12.5; '–' for null or a non-finite value. Rounds −0 to 0. */
  num(v: number | null, digits = 0): string {
    if (v === null || !Number.isFinite(v)) return '–'
    const s = nf(digits).format(v)
    return s === '-0' ? '0' : s
  },
  /** A value with its KPI unit: '120 leads', '4.5 h'. */
  withUnit(v: number | null, unit: string, digits = 1): string {
    const n = format.num(v, digits)
    return unit === '' || n === '–' ? n : `${n} ${unit}`
  },
  /** 0.425 → '43%'. */
  pct(share: number | null): string {
    return share === null || !Number.isFinite(share) ? '–' : `${format.num(share * 100, 0)}%`
  },
  /** Relative change as '+12%' / '−5%'; 'new' when the old value was 0, '–' without data. */
  change(now: number | null, before: number | null): string {
    if (now === null || before === null) return '–'
    if (before === 0) return now === 0 ? '0%' : 'new'
    const r = (now - before) / Math.abs(before)
    const s = format.num(Math.abs(r) * 100, 0)
    return s === '0' ? '0%' : `${r > 0 ? '+' : '−'}${s}%`
  },
  /** An amount with its ISO currency code: 'USD 1,250'; '–' without a value. */
  money(v: number | null, currency: string): string {
    const n = format.num(v === null ? null : Math.round(v))
    return n === '–' ? n : `${currency} ${n}`
  },
  /** Signed difference: '+1.5', '−2'. */
  delta(v: number, digits = 1): string {
    const s = format.num(Math.abs(v), digits)
    return s === '0' ? '0' : `${v > 0 ? '+' : '−'}${s}`
  }
}
