import type { ResultsFormat } from '../domain/outcome'

/** A header as the readers compare it: lower-case, "__c" of Salesforce custom fields and _ dropped, spaces single. */
export function headerKey(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/__c$/, '')
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*\/\s*/g, ' / ')
}

/** Column names each export uses for one thing, in the order they are preferred. */
export const resultColumns = {
  sourceMedium: ['session source / medium', 'first user source / medium', 'source / medium'],
  source: ['session source', 'session manual source', 'first user source', 'utm source', 'latest utm source', 'source'],
  medium: ['session medium', 'session manual medium', 'first user medium', 'utm medium', 'latest utm medium', 'medium'],
  campaign: ['session campaign', 'session campaign name', 'session manual campaign name', 'first user campaign', 'utm campaign', 'latest utm campaign', 'campaign'],
  content: ['session manual ad content', 'session manual content', 'utm content', 'content'],
  term: ['session manual term', 'utm term', 'term'],
  landing: ['landing page + query string', 'landing page', 'first page seen', 'first page seen url', 'first landing page', 'landing page url'],
  date: ['date'],
  sessions: ['sessions'],
  engaged: ['engaged sessions'],
  keyEvents: ['key events', 'conversions'],
  revenue: ['total revenue', 'purchase revenue', 'revenue'],
  id: ['record id', 'contact id', 'deal id', 'hs object id', 'lead id', 'opportunity id', 'id'],
  created: ['create date', 'created date', 'became a lead date', 'created'],
  closed: ['close date', 'closed date'],
  stage: ['deal stage', 'stage', 'opportunity stage'],
  lifecycle: ['lifecycle stage', 'status', 'lead status'],
  amount: ['amount', 'deal amount', 'amount in company currency', 'opportunity amount'],
  currency: ['currency', 'deal currency code', 'currency code', 'deal currency', 'amount currency', 'opportunity currency', 'currency iso code'],
  leadSource: ['lead source', 'original source']
} as const

export type ResultColumn = keyof typeof resultColumns

/** A header that names its currency: "Amount (USD)", "Total revenue (EUR)". */
const IN_CURRENCY = / \(([a-z]{3})\)$/

/** The index of the first header naming `what`, or -1. Money columns may carry their currency in the header. */
export function findColumn(keys: readonly string[], what: ResultColumn): number {
  for (const name of resultColumns[what]) {
    const i = keys.indexOf(name)
    if (i >= 0) return i
  }
  if (what === 'amount' || what === 'revenue') {
    for (const name of resultColumns[what]) {
      const i = keys.findIndex((k) => k.startsWith(`${name} (`) && IN_CURRENCY.test(k))
      if (i >= 0) return i
    }
  }
  return -1
}

/** The currency a header names ("amount (usd)" → "USD"), or null. */
export function headerCurrency(key: string): string | null {
  const m = IN_CURRENCY.exec(key)
  return m ? (m[1] as string).toUpperCase() : null
}

/** Which export a header row is: GA4 (sessions), HubSpot (record id), Salesforce (lead or opportunity id / lead source); null if none. */
export function detectResultsFormat(headers: readonly string[], hadComments: boolean): ResultsFormat | null {
  const keys = headers.map(headerKey)
  if (keys.includes('sessions') || (hadComments && keys.some((k) => k.startsWith('session ')))) return 'ga4'
  if (keys.includes('record id') || keys.some((k) => k.startsWith('deal ') || k === 'lifecycle stage' || k === 'hs object id')) return 'hubspot'
  if (keys.includes('lead id') || keys.includes('opportunity id') || keys.includes('lead source')) return 'salesforce'
  return null
}
