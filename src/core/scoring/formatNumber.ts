/**
 * Locale-free number formatting for explanations. Intl output depends on the host's ICU data and
 * locale, and explanations must read the same in the app, the CLI and the deck (and in snapshots).
 */

/** 12000 → "12,000"; 0.456 → "0.46"; 14.2 → "14". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–'
  const abs = Math.abs(x)
  const digits = abs >= 100 || abs === 0 ? 0 : abs >= 10 ? 0 : abs >= 1 ? 1 : 2
  const fixed = abs.toFixed(digits)
  const [whole = '0', frac] = fixed.split('.')
  const grouped = whole.length <= 3 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const trimmed = frac === undefined ? '' : frac.replace(/0+$/, '')
  const sign = x < 0 && Number(fixed) !== 0 ? '−' : ''
  return sign + grouped + (trimmed.length > 0 ? '.' + trimmed : '')
}

/** 0.183 → "+18 %", −0.05 → "−5 %" (the sign is always shown: these describe changes). */
export function formatChange(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'new'
  const pct = Math.round(fraction * 100)
  return (pct > 0 ? '+' : pct < 0 ? '−' : '±') + String(Math.abs(pct)) + ' %'
}

/**
 * Whole percentages that add up to exactly 100 (largest remainder), so "62 % + 30 % + 8 %" in an
 * explanation never sums to 99 or 101.
 */
export function roundShares(fractions: readonly number[]): number[] {
  const total = fractions.reduce((a, b) => a + b, 0)
  if (!(total > 0)) return fractions.map(() => 0)
  const raw = fractions.map((f) => (f / total) * 100)
  const floors = raw.map((r) => Math.floor(r))
  let left = 100 - floors.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i] = (floors[i] ?? 0) + 1
    left -= 1
  }
  return floors
}
