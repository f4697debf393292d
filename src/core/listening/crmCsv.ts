export type CrmFormat = 'hubspot' | 'salesforce'

export type CrmLead = {
  firstName: string
  lastName: string
  email: string
  phone: string
  company: string
  jobTitle: string
  country: string
  note: string
  campaign: string
  conversationUrl: string
  /** Where it was said (LinkedIn, a forum…): utm_source. */
  source: string
  summary: string
  handedAt: string
}

/** The tracking parameters a hand-off carries, also appended to the conversation's link. */
export function utmFor(l: Pick<CrmLead, 'source' | 'campaign'>): { utm_source: string; utm_medium: string; utm_campaign: string } {
  const slug = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'social'
  return { utm_source: slug(l.source), utm_medium: 'social', utm_campaign: slug(l.campaign) || 'social-listening' }
}

export function trackedUrl(url: string, utm: Record<string, string>): string {
  if (url.trim() === '') return ''
  // No URL class in core (no DOM, no Node): split off the fragment, drop earlier utm_ values, append ours.
  const [base = '', fragment] = url.split('#', 2)
  const [path = '', query = ''] = base.split('?', 2)
  const keep = query.split('&').filter((p) => p !== '' && !Object.hasOwn(utm, p.split('=')[0] ?? ''))
  const ours = Object.entries(utm).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return `${path}?${[...keep, ...ours].join('&')}${fragment === undefined ? '' : `#${fragment}`}`
}

/**
 * Column headings each CRM's import maps by itself: HubSpot's contact import matches its property
 * labels ("First Name", "Company Name", "Lifecycle Stage"…), Salesforce's Data Import Wizard and Data
 * Loader match Lead field API names (FirstName, Company, LeadSource…). Tracking values go to columns
 * a team maps to its own properties (HubSpot: custom properties; Salesforce: `__c` fields).
 */
const COLUMNS: Record<CrmFormat, readonly [string, (l: CrmLead, link: string, utm: ReturnType<typeof utmFor>) => string][]> = {
  hubspot: [
    ['First Name', (l) => l.firstName],
    ['Last Name', (l) => l.lastName],
    ['Email', (l) => l.email],
    ['Phone Number', (l) => l.phone],
    ['Company Name', (l) => l.company],
    ['Job Title', (l) => l.jobTitle],
    ['Country/Region', (l) => l.country],
    ['Lifecycle Stage', () => 'lead'],
    ['Lead Status', () => 'NEW'],
    ['Conversation URL', (l) => l.conversationUrl],
    ['Tracked URL', (_l, link) => link],
    ['UTM Source', (_l, _k, u) => u.utm_source],
    ['UTM Medium', (_l, _k, u) => u.utm_medium],
    ['UTM Campaign', (_l, _k, u) => u.utm_campaign],
    ['Message', (l) => [l.summary, l.note].filter((s) => s.trim() !== '').join(' — ')]
  ],
  salesforce: [
    ['FirstName', (l) => l.firstName],
    ['LastName', (l) => l.lastName],
    ['Email', (l) => l.email],
    ['Phone', (l) => l.phone],
    ['Company', (l) => l.company],
    ['Title', (l) => l.jobTitle],
    ['Country', (l) => l.country],
    ['LeadSource', () => 'Social Media'],
    ['Status', () => 'Open - Not Contacted'],
    ['Description', (l, link) => [l.summary, l.note, l.conversationUrl === '' ? '' : `Conversation: ${l.conversationUrl}`, link === '' ? '' : `Tracked link: ${link}`].filter((s) => s.trim() !== '').join('\n')],
    ['Conversation_URL__c', (l) => l.conversationUrl],
    ['UTM_Source__c', (_l, _k, u) => u.utm_source],
    ['UTM_Medium__c', (_l, _k, u) => u.utm_medium],
    ['UTM_Campaign__c', (_l, _k, u) => u.utm_campaign]
  ]
}

/** A cell as CSV text. A leading = + - @ is neutralised so a spreadsheet never runs a lead's text as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function crmColumns(format: CrmFormat): string[] {
  return COLUMNS[format].map(([h]) => h)
}

/** The whole file, CRLF line ends (both importers accept them; Excel expects them), UTF-8 without BOM. */
export function crmCsv(format: CrmFormat, leads: readonly CrmLead[]): string {
  const cols = COLUMNS[format]
  const lines = [cols.map(([h]) => cell(h)).join(',')]
  for (const l of leads) {
    const utm = utmFor(l)
    const link = trackedUrl(l.conversationUrl, utm)
    lines.push(cols.map(([, f]) => cell(f(l, link, utm))).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
