import Papa from 'papaparse'
import { matchRow } from '../../../core/links/matchResults'
import { pageKey, parseTrackedUrl } from '../../../core/links/trackedUrl'
import { workspaceMatchIndex } from '../links/workspaceMatchIndex'
import type { SampleName } from '../../../core/transfer/sampleFiles'
import type { Backend } from '../backend'
import { sql } from '../db/sql'

type Published = { id: string; title: string; tracking_url: string; day: string }

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** The same numbers for the same workspace every time: an FNV-1a hash of a record's id, scaled. */
function spread(key: string, lo: number, hi: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return lo + ((h >>> 0) % (hi - lo + 1))
}
const pathAndQuery = (url: string) => url.replace(/^https?:\/\/[^/]+/i, '')
/** As the tools write them: no formula guard ("@dana" stays "@dana"), Windows line ends. */
const toCsv = (fields: string[], data: (string | number)[][]) => Papa.unparse({ fields, data }, { newline: '\r\n' })

/**
 * Exports shaped like the files marketers have — GA4 traffic acquisition, HubSpot deals, a Hootsuite
 * bulk schedule, a CRM's influencer list — built from this workspace's own links, campaigns, channels
 * and dates, so a newcomer can try every import on the demo and see rows match (issue #15: "Results
 * back", "Import the files people really have"). Each also holds the rows a real export has that do
 * not match anything (direct traffic, a campaign someone else ran), so the "not matched, and why"
 * part of the preview shows too. The numbers are made up, the same for the same workspace. One file
 * at a time (core/transfer/sampleFiles.ts names them): a dialog asks only for the one chosen.
 */
export function sampleExport(b: Backend, name: SampleName): string {
  const now = b.now()
  if (name === 'hootsuite-bulk-schedule.csv') return hootsuiteSchedule(b, now)
  if (name === 'crm-influencers.csv') return crmInfluencers()
  const from = iso(now - 28 * DAY)
  const to = iso(now - DAY)
  const links = linkedPosts(b, from, to)
  if (name === 'hubspot-deals.csv') return hubspotDeals(matchableFirst(b, links), now, { firstId: 9100, companies: recentCompanies })
  return ga4(links, organicOf(b, links), from, to)
}

/**
 * The demo's outcome ledger before the samples' four weeks: a GA4 export and a HubSpot deals report
 * over the five months before them, made like the samples and imported through the same matcher
 * (writeDemo.ts), so the Results screen and the campaigns' figures have numbers on first start while
 * the samples still add new ones. Deal ids differ from the sample's, so importing it adds deals.
 */
export function earlierResultsExports(b: Backend, now: number): { fileName: string; text: string }[] {
  const end = now - 29 * DAY
  const from = iso(end - 150 * DAY)
  const to = iso(end)
  const links = linkedPosts(b, from, to)
  return [
    { fileName: `ga4-traffic-acquisition-${from}-to-${to}.csv`, text: ga4(links, organicOf(b, links), from, to) },
    { fileName: `hubspot-deals-${from}-to-${to}.csv`, text: hubspotDeals(matchableFirst(b, links), end + DAY, { firstId: 8100, companies: earlierCompanies }) }
  ]
}

/** About two dozen published posts with a campaign link between two days, spread over them as traffic is. */
function linkedPosts(b: Backend, from: string, to: string): Linked[] {
  const published = b.db.all<Published>(sql`
    SELECT id, title, tracking_url, substr(coalesce(publish_at, planned_date), 1, 10) AS day FROM content_item
    WHERE deleted_at IS NULL AND status = 'published' AND tracking_url <> ''
      AND substr(coalesce(publish_at, planned_date), 1, 10) BETWEEN ${from} AND ${to}
    ORDER BY day DESC, id`)
  const every = Math.max(1, Math.ceil(published.length / 24))
  return published.filter((_p, i) => i % every === 0).flatMap((p) => {
    const parsed = parseTrackedUrl(p.tracking_url)
    return parsed.ok && parsed.link.utm.campaign !== '' ? [{ ...p, utm: parsed.link.utm, page: pageKey(parsed.link.base) }] : []
  })
}

/**
 * The posts whose tracking parameters alone (a CRM deal has no landing page) the results matcher
 * ties to an item, a campaign or a channel, first: the sample's deals then show matching whatever the
 * demo's dates bring (on some days most of the recent posts share their parameters across campaigns
 * and channels, and a deal from those is rightly "ambiguous"). The others follow, for the unmatched list.
 */
function matchableFirst(b: Backend, links: readonly Linked[]): Linked[] {
  const idx = workspaceMatchIndex(b)
  const ok = (l: Linked) => matchRow(idx, { source: l.utm.source, medium: l.utm.medium, campaign: l.utm.campaign, content: '', term: '' }, '').ok
  return [...links.filter(ok), ...links.filter((l) => !ok(l))]
}

/** A page only one item links to (as the results matcher keys pages), for the search visit its landing page alone matches. */
function organicOf(b: Backend, links: readonly Linked[]): Linked | undefined {
  const pages = new Map<string, number>()
  for (const r of b.db.all<{ tracking_url: string }>(sql`SELECT tracking_url FROM content_item WHERE deleted_at IS NULL AND tracking_url <> ''`)) {
    const page = pageKey(r.tracking_url)
    pages.set(page, (pages.get(page) ?? 0) + 1)
  }
  return links.find((l) => pages.get(l.page) === 1)
}

type Linked = Published & { utm: { source: string; medium: string; campaign: string }; page: string }

function ga4(links: readonly Linked[], organic: Linked | undefined, from: string, to: string): string {
  const compact = (d: string) => d.replaceAll('-', '')
  const rows: (string | number)[][] = links.map((l) => {
    const sessions = spread(l.id, 40, 420)
    return [compact(l.day), l.utm.source, l.utm.medium, l.utm.campaign, pathAndQuery(l.tracking_url), sessions, Math.round(sessions * 0.62), spread(`${l.id}k`, 0, 9), 0]
  })
  // Search traffic to one of our pages (matched by its landing page), direct traffic and a campaign
  // nobody here ran (both listed as not matched, with why).
  if (organic !== undefined) rows.push([compact(organic.day), 'google', 'organic', '(not set)', pathAndQuery(organic.tracking_url).replace(/\?.*$/, ''), 310, 205, 4, 0])
  rows.push([compact(to), '(direct)', '(none)', '(not set)', '(not set)', 1240, 610, 12, 0])
  rows.push([compact(to), 'partner-site', 'referral', 'reseller-q4-push', '/partners/welcome', 95, 40, 1, 0])
  const head = ['# ----------------------------------------', '# Traffic acquisition: Session source / medium', '# Account: Sample', '# Property: Website', '# ----------------------------------------', '#', `# Start date: ${compact(from)}`, `# End date: ${compact(to)}`]
  const table = toCsv(['Date', 'Session source', 'Session medium', 'Session campaign', 'Landing page + query string', 'Sessions', 'Engaged sessions', 'Key events', 'Total revenue'], rows)
  return `${head.join('\r\n')}\r\n${table}\r\n`
}

const recentCompanies = ['Quill Payments', 'Tidewater Energy', 'Brightline Logistics', 'Fernwood Bank', 'Juniper Games', 'Harbor Health', 'Copperleaf Retail']
const earlierCompanies = ['Kestrel Health', 'Vantage Media', 'Mosaic Learning', 'Alder Pharma', 'Bluefin Travel', 'Northgate Insurance', 'Redwood Freight']

/**
 * `now`: no deal is created or closed on or after it; `firstId`: the first record id (the CRM's own
 * numbering); `companies`: the customers, the last one for the deal without tracking.
 */
function hubspotDeals(links: readonly Linked[], now: number, { firstId, companies }: { firstId: number; companies: readonly string[] }): string {
  const stages = ['Closed won', 'Contract sent', 'Appointment scheduled', 'Closed won', 'Qualified to buy', 'Closed lost']
  // One deal per campaign and source the links used, newest first: deals come from campaigns, not single posts.
  const seen = new Set<string>()
  const sources = links.filter((l) => !seen.has(`${l.utm.campaign}|${l.utm.source}`) && seen.add(`${l.utm.campaign}|${l.utm.source}`)).slice(0, companies.length - 1)
  const rows: (string | number)[][] = sources.map((l, i) => {
    const stage = stages[i % stages.length] ?? 'Qualified to buy'
    // Created a couple of days after the post, closed within two weeks; never after yesterday.
    const created = Math.min(Date.parse(l.day) + 2 * DAY, now - 2 * DAY)
    const closed = stage.startsWith('Closed') ? iso(Math.min(now - DAY, created + 12 * DAY)) : ''
    return [`${firstId + i}`, `${companies[i]} pilot`, stage, spread(l.id, 8, 60) * 1000, `${iso(created)} 10:00`, closed, l.utm.source, l.utm.medium, l.utm.campaign]
  })
  // A deal sales brought in without any tracking: not matched, and the preview says so.
  rows.push([`${firstId + rows.length}`, `${companies[companies.length - 1]} renewal`, 'Contract sent', 24000, `${iso(now - 5 * DAY)} 09:00`, '', '', '', ''])
  const text = toCsv(['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Close Date', 'UTM Source', 'UTM Medium', 'UTM Campaign'], rows)
  return `${text}\r\n`
}

function hootsuiteSchedule(b: Backend, now: number): string {
  const channels = b.db.all<{ name: string }>(sql`SELECT name FROM channel WHERE deleted_at IS NULL AND status = 'active' AND platform IN ('linkedin', 'x', 'mastodon', 'bluesky', 'threads') ORDER BY name`)
  const posts = [
    'Three signs your data pipeline is lying to you (and how to catch them before the board deck does)',
    'We asked 40 data teams what wakes them up at night. Number one was not an outage.',
    'New: column-level lineage for dbt models, now in every plan',
    'Join our live teardown of a real incident postmortem this Thursday',
    'How Fernwood Bank cut alert noise by 70 % without missing an incident',
    'Your weekly reminder: a freshness check is cheaper than a wrong forecast'
  ]
  const pad = (n: number) => String(n).padStart(2, '0')
  // Spread over the next three weeks, so some day is past the 12th and the file's day-first dates read one way only.
  const rows = posts.map((text, i) => {
    const d = new Date(now + (2 + i * 3) * DAY)
    const when = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(9 + (i % 4) * 2)}:30`
    return [when, text, '', channels[i % Math.max(1, channels.length)]?.name ?? '']
  })
  const text = toCsv(['Date (DD/MM/YYYY HH:MM)', 'Message', 'Link', 'Social profile'], rows)
  return `${text}\r\n`
}

function crmInfluencers(): string {
  const people = [
    ['hs-2201', 'Dana Ortiz', 'dana.ortiz@example.com', '@danaortiz', 'linkedin.com/in/danaortiz', '12,400'],
    ['hs-2202', 'Kwame Mensah', 'kwame@example.com', '@kwamedata', 'linkedin.com/in/kwamemensah', '8,950'],
    ['hs-2203', 'Sofia Lindqvist', 'sofia@example.com', '', 'linkedin.com/in/sofialindqvist', '31,200'],
    ['hs-2204', 'Raj Patel', '', '@rajonpipelines', '', '4,300']
  ]
  const text = toCsv(['Record ID', 'Full name', 'Email', 'Twitter', 'LinkedIn', 'Followers'], people)
  return `${text}\r\n`
}
