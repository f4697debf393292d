import type { ResultsReport } from '../api/methods/linkMethods'

/** "Amounts in EUR: 12 converted from USD at 0.92; 3 named no currency and were taken as EUR." (null when nothing to say). */
export function moneySentence(m: ResultsReport['money']): string | null {
  if (m === null) return null
  const parts = m.converted.map((c) => `${c.numbers} converted from ${c.currency} at ${c.rate}`)
  if (m.assumed > 0) parts.push(`${m.assumed} named no currency and were taken as ${m.team}`)
  return parts.length === 0 ? null : `Amounts in ${m.team}: ${parts.join('; ')}.`
}
