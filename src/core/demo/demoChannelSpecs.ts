import type { z } from 'zod'
import type { enums } from '../domain/enums'
import type { GoalKey } from './demoGoalSpecs'
import type { RoleKey } from './demoMembers'

export type ChannelSpec = {
  key: string
  name: string
  platform: z.infer<typeof enums.platform>
  handle: string
  owner: RoleKey
  status: z.infer<typeof enums.channelStatus>
  /** Followers, subscribers or monthly readers; null = take it from the newsletter goal's latest value. */
  audience: number | null
  cadence: number
  hoursPerPost: number
  fixedHours: number
  cost: number
  confidence: number
  /** KPI units per 1,000 reached, per goal (the user's estimate that scoring starts from); for rate goals (sov, care) the channel's own rate in per cent. */
  links: readonly (readonly [GoalKey, number])[]
  /** Days since the estimates were reviewed; over 90 shows as stale. */
  estimatesAgeDays: number | null
  notes: string
  /** Share of the audience one post reaches today at the usual cadence, and what that reach does (history: demoChannelHistory). */
  reachShare: number
  engagementRate: number
  clickRate: number
  formats: readonly z.infer<typeof enums.contentFormat>[]
  utmSource: string
  utmMedium: string
  /** Channel metric tracked weekly as a measurement, if any. */
  metric: 'followers' | 'subscribers' | null
  /** Content stops this many days before today (paused channels); null = never stopped. */
  quietForDays: number | null
  /** Gets no dated content at all (proposed, or a duplicate nobody posts to). */
  noContent: boolean
}

/**
 * Northwind Analytics' channels. The second LinkedIn company page is an intentional duplicate (same
 * platform and handle, left behind by a spreadsheet import) so duplicate detection has a case to flag.
 */
export const CHANNEL_SPECS: readonly ChannelSpec[] = [
  { key: 'blog', name: 'Northwind blog', platform: 'blog', handle: 'https://northwind-analytics.com/blog', owner: 'content', status: 'active', audience: 42000, cadence: 2, hoursPerPost: 8, fixedHours: 6, cost: 1200, confidence: 0.8, links: [['demo', 1.2], ['pipe', 3000], ['subs', 3], ['sov', 19]], estimatesAgeDays: 24, notes: 'Monthly unique readers. Freelance editor billed in the monthly cost.', reachShare: 0.12, engagementRate: 0.02, clickRate: 0.035, formats: ['article', 'article', 'article', 'case_study'], utmSource: 'blog', utmMedium: 'owned', metric: null, quietForDays: null, noContent: false },
  { key: 'li', name: 'LinkedIn company page', platform: 'linkedin', handle: 'linkedin.com/company/northwind-analytics', owner: 'social', status: 'active', audience: 18500, cadence: 4, hoursPerPost: 1.5, fixedHours: 4, cost: 0, confidence: 0.7, links: [['demo', 0.25], ['subs', 1], ['sov', 20]], estimatesAgeDays: 35, notes: 'Carousel posts outperform links; keep links in the first comment.', reachShare: 0.08, engagementRate: 0.045, clickRate: 0.012, formats: ['post', 'post', 'post', 'article', 'video'], utmSource: 'linkedin', utmMedium: 'social', metric: 'followers', quietForDays: null, noContent: false },
  { key: 'ceo', name: "Daniel Reyes (CEO) on LinkedIn", platform: 'linkedin', handle: 'linkedin.com/in/danielreyes-data', owner: 'head', status: 'active', audience: 9200, cadence: 2, hoursPerPost: 1, fixedHours: 2, cost: 0, confidence: 0.6, links: [['demo', 0.3], ['sov', 28]], estimatesAgeDays: 130, notes: 'Ghost-drafted by Hannah, Daniel edits and posts himself. Never schedule without his OK.', reachShare: 0.15, engagementRate: 0.06, clickRate: 0.008, formats: ['post', 'post', 'article'], utmSource: 'linkedin', utmMedium: 'social', metric: 'followers', quietForDays: null, noContent: false },
  { key: 'x', name: 'X / @northwinddata', platform: 'x', handle: '@northwinddata', owner: 'social', status: 'active', audience: 6400, cadence: 5, hoursPerPost: 0.5, fixedHours: 3, cost: 0, confidence: 0.4, links: [['subs', 0.6], ['sov', 15]], estimatesAgeDays: 210, notes: 'Reach keeps falling; candidate for fewer, better threads.', reachShare: 0.05, engagementRate: 0.015, clickRate: 0.006, formats: ['thread', 'post', 'post'], utmSource: 'x', utmMedium: 'social', metric: 'followers', quietForDays: null, noContent: false },
  { key: 'yt', name: 'YouTube: Northwind Analytics', platform: 'youtube', handle: 'youtube.com/@northwindanalytics', owner: 'devrel', status: 'active', audience: 3100, cadence: 0.5, hoursPerPost: 10, fixedHours: 2, cost: 300, confidence: 0.5, links: [['demo', 0.3], ['subs', 1.5]], estimatesAgeDays: 60, notes: 'Tutorials and webinar recordings. Editing outsourced.', reachShare: 0.35, engagementRate: 0.04, clickRate: 0.01, formats: ['video'], utmSource: 'youtube', utmMedium: 'video', metric: 'subscribers', quietForDays: null, noContent: false },
  { key: 'nl', name: 'The Lineage Letter (newsletter)', platform: 'newsletter', handle: 'northwind-analytics.com/newsletter', owner: 'content', status: 'active', audience: null, cadence: 1, hoursPerPost: 4, fixedHours: 2, cost: 150, confidence: 0.85, links: [['demo', 0.8], ['pipe', 5000], ['sov', 18]], estimatesAgeDays: 14, notes: 'Weekly, Tuesdays. Audience = subscribers; reach = opens.', reachShare: 0.38, engagementRate: 0.08, clickRate: 0.045, formats: ['newsletter'], utmSource: 'newsletter', utmMedium: 'email', metric: null, quietForDays: null, noContent: false },
  { key: 'forum', name: 'Community forum (Discourse)', platform: 'forum', handle: 'https://community.northwind-analytics.com', owner: 'community', status: 'active', audience: 2400, cadence: 3, hoursPerPost: 1, fixedHours: 12, cost: 250, confidence: 0.7, links: [['care', 80], ['demo', 0.4]], estimatesAgeDays: 45, notes: 'Fixed hours = daily triage of unanswered questions.', reachShare: 0.25, engagementRate: 0.09, clickRate: 0.02, formats: ['post', 'post', 'article'], utmSource: 'community', utmMedium: 'community', metric: null, quietForDays: null, noContent: false },
  { key: 'pod', name: 'Data Downtime podcast', platform: 'podcast', handle: 'datadowntime.fm', owner: 'devrel', status: 'active', audience: 1800, cadence: 0.5, hoursPerPost: 9, fixedHours: 2, cost: 600, confidence: 0.5, links: [['sov', 26], ['subs', 2], ['demo', 0.5]], estimatesAgeDays: 110, notes: 'Guests from customer data teams and analysts; audience = average downloads per episode.', reachShare: 0.9, engagementRate: 0.03, clickRate: 0.01, formats: ['episode'], utmSource: 'podcast', utmMedium: 'audio', metric: null, quietForDays: null, noContent: false },
  { key: 'web', name: 'Webinars', platform: 'webinar', handle: 'northwind-analytics.com/webinars', owner: 'pmm', status: 'active', audience: 1200, cadence: 0.25, hoursPerPost: 16, fixedHours: 2, cost: 350, confidence: 0.75, links: [['demo', 25], ['pipe', 80000], ['subs', 15]], estimatesAgeDays: 20, notes: 'Audience = average registrants; reach = attendees live + on demand.', reachShare: 0.35, engagementRate: 0.3, clickRate: 0.12, formats: ['webinar'], utmSource: 'webinar', utmMedium: 'event', metric: null, quietForDays: null, noContent: false },
  { key: 'events', name: 'Industry events', platform: 'events', handle: 'Data Council, Coalesce, Big Data LDN', owner: 'head', status: 'active', audience: 5000, cadence: 0.15, hoursPerPost: 30, fixedHours: 4, cost: 6500, confidence: 0.45, links: [['demo', 12], ['pipe', 120000], ['sov', 27]], estimatesAgeDays: 180, notes: 'Booth plus talk; cost is the quarterly sponsorship spread per month.', reachShare: 0.2, engagementRate: 0.15, clickRate: 0.05, formats: ['event'], utmSource: 'events', utmMedium: 'event', metric: null, quietForDays: null, noContent: false },
  { key: 'partner', name: 'Snowpine partner newsletter', platform: 'newsletter', handle: 'snowpine.io/partners/digest', owner: 'pmm', status: 'paused', audience: 55000, cadence: 0.25, hoursPerPost: 3, fixedHours: 1, cost: 1500, confidence: 0.3, links: [['subs', 8], ['demo', 1]], estimatesAgeDays: 150, notes: 'Paused after two sponsored slots brought few demo requests; revisit next quarter.', reachShare: 0.03, engagementRate: 0.01, clickRate: 0.004, formats: ['newsletter'], utmSource: 'snowpine', utmMedium: 'partner', metric: null, quietForDays: 45, noContent: false },
  { key: 'mastodon', name: 'Mastodon (fosstodon.org)', platform: 'mastodon', handle: '@northwind@fosstodon.org', owner: 'devrel', status: 'proposed', audience: 800, cadence: 2, hoursPerPost: 0.5, fixedHours: 1, cost: 0, confidence: 0.2, links: [['sov', 20], ['subs', 0.5]], estimatesAgeDays: 5, notes: 'Proposed by Leo: open-source data engineers moved here. Estimates are guesses.', reachShare: 0.1, engagementRate: 0.03, clickRate: 0.01, formats: ['post', 'thread'], utmSource: 'mastodon', utmMedium: 'social', metric: null, quietForDays: null, noContent: true },
  { key: 'li-dup', name: 'LinkedIn – Northwind Analytics (imported)', platform: 'linkedin', handle: 'linkedin.com/company/northwind-analytics', owner: 'social', status: 'paused', audience: 17800, cadence: 0, hoursPerPost: 1.5, fixedHours: 0, cost: 0, confidence: 0.3, links: [], estimatesAgeDays: null, notes: 'Came in with the old channel spreadsheet import and was paused, never merged or retired.', reachShare: 0.08, engagementRate: 0.04, clickRate: 0.01, formats: ['post'], utmSource: 'linkedin', utmMedium: 'social', metric: null, quietForDays: null, noContent: true },
  { key: 'threads', name: 'Threads (@northwinddata)', platform: 'threads', handle: 'threads.net/@northwinddata', owner: 'social', status: 'retired', audience: 1400, cadence: 0, hoursPerPost: 0.5, fixedHours: 0, cost: 0, confidence: 0.3, links: [], estimatesAgeDays: null, notes: 'Tried for a quarter in 2025 and retired: data engineers were not reading it.', reachShare: 0.02, engagementRate: 0.01, clickRate: 0.002, formats: ['post'], utmSource: 'threads', utmMedium: 'social', metric: null, quietForDays: null, noContent: true },
]
