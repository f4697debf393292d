import { demoCalendar as cal } from './demoCalendar'
import type { DemoCampaigns } from './demoCampaigns'
import type { DemoChannel, DemoChannels } from './demoChannels'
import { CHECKLIST_IDS, GUARANTEED, demoContentStatus, type ContentStatus } from './demoContentStatus'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoGoals, GoalKey } from './demoGoals'
import type { DemoTeam } from './demoMembers'
import { demoTitles, type Titler } from './demoTitles'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

type Item = DemoRecord<'content'>
type Member = { id: string; zone: string }

const HOUR = 3_600_000
/** Goals measured in percentages get fractional results; counts stay whole. */
const FRACTIONAL: ReadonlySet<GoalKey> = new Set<GoalKey>(['sov', 'care', 'hours'])
const PILLAR_SLUGS: Readonly<Record<string, string>> = {
  'Data quality': 'data-quality', 'Observability 101': 'observability-101', 'Customer stories': 'customer-stories',
  'Product updates': 'product-updates', Culture: 'culture', Community: 'community'
}
const PILLAR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Data quality', 30], ['Observability 101', 25], ['Customer stories', 15], ['Product updates', 15], ['Culture', 7], ['Community', 8]
]

export function demoContent(ctx: DemoContext, team: DemoTeam, goals: DemoGoals, channels: DemoChannels, campaigns: DemoCampaigns): Item[] {
  const rng = ctx.rng('content')
  const titler = demoTitles(ctx.rng('content-titles'))
  const members: Member[] = Object.values(team.byRole).map((m) => ({ id: m.id, zone: m.zone }))
  const postable = channels.list.filter((c) => !c.spec.noContent)
  const steady = postable.filter((c) => c.spec.quietForDays === null)
  const byCadence = postable.map((c) => [c, c.spec.cadence] as const)
  const quarterCache = new Map<number, string>()
  const quarterLabel = (day: number): string => {
    let label = quarterCache.get(day)
    if (label === undefined) {
      label = cal.quarterOf(Math.min(day, ctx.current.end)).label
      quarterCache.set(day, label)
    }
    return label
  }
  const backlog = Math.min(ctx.contentItems, Math.max(12, Math.round(ctx.contentItems * 0.08)))
  const items: Item[] = []
  let previous: { channel: DemoChannel; day: number; minute: number } | null = null

  for (let i = 0; i < ctx.contentItems; i++) {
    if (i < backlog) {
      items.push(backlogItem(ctx, rng, titler, i, members, postable, channels))
      continue
    }
    const forced = GUARANTEED[i - backlog]
    let channel: DemoChannel
    let day: number
    let minute = rng.int(32, 70) * 15 // 08:00–17:30 local
    if (forced !== undefined) {
      channel = rng.pick(steady)
      day = ctx.today + rng.int(forced.from, forced.to)
    } else if (previous !== null && rng.chance(0.04)) {
      // Same channel, same day, within the hour or so: the clash warnings need something to show.
      channel = previous.channel
      day = previous.day
      minute = Math.min(23 * 60, previous.minute + rng.int(2, 6) * 15)
    } else {
      channel = rng.weighted(byCadence)
      const end = channel.spec.quietForDays === null ? ctx.horizonEnd : ctx.today - channel.spec.quietForDays
      day = rng.int(ctx.spanStart, end)
    }
    previous = { channel, day, minute }
    const status = forced?.status ?? demoContentStatus(rng, day - ctx.today)
    items.push(datedItem(ctx, rng, titler, { channel, day, minute, status }, members, team, goals, campaigns, quarterLabel))
  }
  return items
}

function backlogItem(ctx: DemoContext, rng: Rng, titler: Titler, i: number, members: Member[], postable: DemoChannel[], channels: DemoChannels): Item {
  const proposed = channels.byKey.get('mastodon')
  // Backlog: undated ideas (some for the proposed channel, some not yet tied to any channel) and drafts.
  const channel = i % 9 === 0 && proposed !== undefined ? proposed : rng.chance(0.15) ? null : rng.pick(postable)
  const status: ContentStatus = i % 3 === 2 ? 'draft' : 'idea'
  const format = channel === null ? 'article' : rng.pick(channel.spec.formats)
  const pillar = rng.weighted(PILLAR_WEIGHTS)
  const { title, brief } = titler(format, pillar)
  const owner = channel !== null && rng.chance(0.6) ? channel.ownerId : rng.pick(members).id
  return {
    id: seededUlid(rng, (ctx.today - rng.int(0, 120)) * cal.DAY_MS + rng.int(7, 19) * HOUR),
    title, brief: status === 'idea' && rng.chance(0.4) ? '' : brief, channelId: channel?.id ?? null, campaignId: null, pillar, format,
    ownerId: owner, status, plannedDate: null, dueDate: null, publishAt: null, publishZone: null,
    effortHours: effort(rng, channel?.spec.hoursPerPost ?? 4), goalId: null, trackingUrl: '',
    checklist: {}, approverId: null, approvedAt: null, resultReach: null, resultEngagements: null, resultClicks: null, resultConversions: null
  }
}

type Slot = { channel: DemoChannel; day: number; minute: number; status: ContentStatus }

function datedItem(
  ctx: DemoContext, rng: Rng, titler: Titler, slot: Slot, members: Member[], team: DemoTeam, goals: DemoGoals,
  campaigns: DemoCampaigns, quarterLabel: (day: number) => string
): Item {
  const { channel, day, minute, status } = slot
  const spec = channel.spec
  const campaign = campaigns.list.find((c) => day >= c.start && day <= c.end && rng.chance(0.4)) ?? null
  const pillar = campaign !== null ? campaign.pillar : rng.weighted(PILLAR_WEIGHTS)
  const format = rng.pick(spec.formats)
  const { title, brief } = titler(format, pillar)
  const ownerMember = rng.chance(0.65) ? (members.find((m) => m.id === channel.ownerId) ?? rng.pick(members)) : rng.pick(members)
  // Link the item to its own quarter's goal for the driver the channel serves; older quarters lack some.
  const quarterGoals = goals.byQuarter.get(quarterLabel(day)) ?? {}
  const links = linkOptions(channel, quarterLabel(day), quarterGoals)
  const link = links.length > 0 && rng.chance(0.92) ? rng.weighted(links) : null
  const goalId = link === null ? null : (quarterGoals[link[0]] ?? null)

  const reviewed = status === 'approved' || status === 'scheduled' || status === 'published'
  const timed = reviewed || (status === 'in_review' && rng.chance(0.5))
  const publishMs = timed ? cal.localToMs(day, minute, ownerMember.zone) : null
  const approver = reviewed ? approverFor(team, ownerMember.id, pillar) : null
  const approvedDay = Math.min(day - rng.int(1, 4), ctx.today - 1)
  const checklist: Record<string, boolean> = {}
  if (reviewed) for (const k of CHECKLIST_IDS) checklist[k] = true
  else if (status === 'in_review') for (const k of CHECKLIST_IDS) checklist[k] = rng.chance(0.6)
  else if (status === 'draft' && rng.chance(0.5)) for (const k of CHECKLIST_IDS) checklist[k] = false

  const published = status === 'published'
  let reach: number | null = null
  let engagements: number | null = null
  let clicks: number | null = null
  let conversions: number | null = null
  if (published) {
    // The audience was smaller in the past (about 20 % a year), which matters on multi-year spans.
    const audienceThen = channel.audience * Math.exp((-0.2 * (ctx.today - day)) / 365)
    reach = Math.max(1, Math.round(audienceThen * spec.reachShare * Math.exp(0.35 * rng.noise())))
    engagements = Math.round(reach * spec.engagementRate * Math.exp(0.3 * rng.noise()))
    clicks = Math.round(reach * spec.clickRate * Math.exp(0.3 * rng.noise()))
    const expected = link === null ? 0 : (reach / 1000) * unitsPerThousand(link) * Math.exp(0.4 * rng.noise())
    conversions = link !== null && FRACTIONAL.has(link[0]) ? Math.round(expected * 1000) / 1000 : Math.round(expected)
  }
  const created = Math.min(day - rng.int(7, 45), ctx.today - rng.int(0, 3))
  return {
    id: seededUlid(rng, created * cal.DAY_MS + rng.int(7, 19) * HOUR + rng.int(0, 3599) * 1000),
    title,
    brief,
    channelId: channel.id,
    campaignId: campaign?.id ?? null,
    pillar,
    format,
    ownerId: ownerMember.id,
    status,
    plannedDate: cal.dayString(day),
    // Ideas only have a rough target date; everything further along has an internal deadline before it.
    dueDate: status === 'idea' ? null : cal.dayString(day - rng.int(2, 10)),
    publishAt: publishMs === null ? null : cal.instantString(publishMs),
    publishZone: publishMs === null ? null : ownerMember.zone,
    effortHours: effort(rng, spec.hoursPerPost),
    goalId,
    trackingUrl: status === 'idea' ? '' : trackingUrl(title, spec.utmSource, spec.utmMedium, campaign?.slug ?? PILLAR_SLUGS[pillar] ?? 'always-on', format),
    checklist,
    approverId: approver,
    approvedAt: approver === null ? null : cal.instantString(approvedDay * cal.DAY_MS + rng.int(8, 17) * HOUR + rng.int(0, 59) * 60_000),
    resultReach: reach,
    resultEngagements: engagements,
    resultClicks: clicks,
    resultConversions: conversions
  }
}

/** Someone other than the owner signs off: product claims go to product marketing, the rest to the head. */
type Link = readonly [GoalKey, number]
const linkCache = new WeakMap<DemoChannel, Map<string, readonly (readonly [Link, number])[]>>()

/**
 * A rate goal's link holds the channel's own rate in per cent (share of voice, answer rate), not units per
 * 1,000 reached; items still record a few mentions or answers, about a thousandth of the rate per person.
 */
const RATE_GOALS: ReadonlySet<GoalKey> = new Set(['sov', 'care'])
function unitsPerThousand(link: Link): number {
  return RATE_GOALS.has(link[0]) ? link[1] / 1000 : link[1]
}

/**
 * The channel's goal links that have a goal in the item's quarter, weighted so high-rate links
 * (webinars → demo requests) do not swallow every item. Cached: there are few channel × quarter pairs.
 */
function linkOptions(channel: DemoChannel, quarter: string, quarterGoals: Partial<Record<GoalKey, string>>): readonly (readonly [Link, number])[] {
  let byQuarter = linkCache.get(channel)
  if (byQuarter === undefined) {
    byQuarter = new Map()
    linkCache.set(channel, byQuarter)
  }
  let options = byQuarter.get(quarter)
  if (options === undefined) {
    options = channel.spec.links.filter(([key]) => quarterGoals[key] !== undefined).map((l) => [l, Math.min(5, 1 + unitsPerThousand(l))] as const)
    byQuarter.set(quarter, options)
  }
  return options
}

function approverFor(team: DemoTeam, ownerId: string, pillar: string): string {
  const { head, content, pmm } = team.byRole
  if (pillar === 'Product updates' && ownerId !== pmm.id) return pmm.id
  return ownerId === head.id ? content.id : head.id
}

function effort(rng: Rng, hoursPerPost: number): number {
  return Math.max(0.5, Math.round(hoursPerPost * rng.between(0.6, 1.5) * 2) / 2)
}

/** Titles repeat within a large run (pooled), so their slugs are worth remembering; only a cache, never output-changing. */
const slugs = new Map<string, string>()

function slug(text: string): string {
  let s = slugs.get(text)
  if (s === undefined) {
    s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
    if (slugs.size < 50_000) slugs.set(text, s)
  }
  return s
}

function trackingUrl(title: string, source: string, medium: string, campaign: string, format: string): string {
  return `https://northwind-analytics.com/go/${slug(title)}?utm_source=${source}&utm_medium=${medium}&utm_campaign=${campaign}&utm_content=${format}`
}
