/** Currencies written with "$" or "¥" alone; the team's own is taken when it is one of them. */
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'])
const YENS = new Set(['JPY', 'CNY'])
/** "US$", "CA$", "A$": the letters a CRM puts before "$" to say which dollar. */
const DOLLAR_PREFIX: Record<string, string> = { US: 'USD', CA: 'CAD', C: 'CAD', AU: 'AUD', A: 'AUD', NZ: 'NZD', HK: 'HKD', S: 'SGD', SG: 'SGD', MX: 'MXN', R: 'BRL' }
const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '₣': 'CHF' }

/**
 * The currency an amount cell names ("$12,500.00", "12.500,00 €", "EUR 1,200", "CA$900"), or null when
 * it names none. A bare "$" or "¥" is the team's currency when the team counts in one of those, else
 * USD or JPY, as a spreadsheet in that locale would show them.
 */
export function amountCurrency(raw: string, team: string): string | null {
  const s = raw.trim()
  if (s === '' || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57 && /^[\d.,\s\u00a0\u202f-]+$/.test(s))) return null
  const code = /^([A-Z]{3})(?=[\s\d-])|(?<=[\d\s])([A-Z]{3})$/.exec(s)
  if (code) return (code[1] ?? code[2]) as string
  const dollar = /([A-Z]{1,2})?\$/.exec(s)
  if (dollar) {
    const prefix = dollar[1]
    if (prefix !== undefined) return DOLLAR_PREFIX[prefix] ?? null
    return DOLLARS.has(team) ? team : 'USD'
  }
  if (s.includes('¥')) return YENS.has(team) ? team : 'JPY'
  for (const ch of s) {
    const c = SYMBOLS[ch]
    if (c !== undefined) return c
  }
  return null
}
