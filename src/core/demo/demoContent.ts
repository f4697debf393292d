import { demoCalendar as cal } from './demoCalendar'
import type { DemoCampaigns } from './demoCampaigns'
import { cadenceMultiple, channelHistory, reachTrend } from './demoChannelHistory'
import type { DemoChannel, DemoChannels } from './demoChannels'
import { CHECKLIST_IDS, GUARANTEED, demoContentStatus, type ContentStatus } from './demoContentStatus'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import { FRACTIONAL, subscribersAt, type GoalKey } from './demoGoalSpecs'
import type { DemoGoalIds, GoalLedger } from './demoGoals'
import type { DemoTeam } from './demoMembers'
import { demoTitles, type Titler } from './demoTitles'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

type Item = DemoRecord<'content'>
type Member = { id: string; zone: string }

const HOUR = 3_600_000
const PILLAR_SLUGS: Readonly<Record<string, string>> = {
  'Data quality': 'data-quality', 'Observability 101': 'observability-101', 'Customer stories': 'customer-stories',
  'Product updates': 'product-updates', Culture: 'culture', Community: 'community'
}
const PILLAR_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Data quality', 30], ['Observability 101', 25], ['Customer stories', 15], ['Product updates', 15], ['Culture', 7], ['Community', 8]
]

/** Monday = 0 (day 0, 1970-01-01, was a Thursday). */
const weekday = (day: number): number => (day + 3) % 7
const weekOf = (day: number): number => Math.floor((day + 3) / 7)

export type DemoContent = { items: Item[]; ledger: GoalLedger }

/** A stretch of days one channel posts at one cadence: a quarter, cut to the span and the channel's quiet time. */
type Cell = { channel: DemoChannel; from: number; to: number; weight: number }
type Slot = { channel: DemoChannel; day: number; minute: number; status: ContentStatus }

/**
 * The content calendar. Dated items follow each channel's cadence quarter by quarter (history in
 * demoChannelHistory), so the number of items is what the cadences make unless a benchmark asks for
 * a number (then the cadences are scaled to it). Results of published items come from the channel's
 * reach that quarter, diminishing with the week's number of posts, and from the day and hour posted.
 */
export function demoContent(ctx: DemoContext, team: DemoTeam, goals: DemoGoalIds, channels: DemoChannels, campaigns: DemoCampaigns): DemoContent {
  const rng = ctx.rng('content')
  const titler = demoTitles(ctx.rng('content-titles'))
  const members: Member[] = Object.values(team.byRole).map((m) => ({ id: m.id, zone: m.zone }))
  const postable = channels.list.filter((c) => !c.spec.noContent)
  const steady = postable.filter((c) => c.spec.quietForDays === null)
  const quarterCache = new Map<number, string>()
  const quarterLabel = (day: number): string => {
    let label = quarterCache.get(day)
    if (label === undefined) {
      label = cal.quarterOf(Math.min(day, ctx.current.end)).label
      quarterCache.set(day, label)
    }
    return label
  }
  const cells = cadenceCells(ctx, postable)
  const natural = cells.reduce((a, c) => a + c.weight, 0)
  const total = ctx.contentItems ?? Math.round(natural * 1.087)
  const backlog = Math.min(total, Math.max(12, Math.round(total * 0.08)))
  const items: Item[] = []
  for (let i = 0; i < backlog; i++) items.push(backlogItem(ctx, rng, titler, i, members, postable, channels))

  const slots = pickSlots(ctx, rng, cells, steady, total - backlog)
  // Posts per channel and week, which is what makes the next post of a busy week reach fewer people.
  const channelIndex = new Map(postable.map((c, i) => [c.id, i]))
  const weekKey = (s: Slot): number => weekOf(s.day) * 64 + (channelIndex.get(s.channel.id) ?? 0)
  const perWeek = new Map<number, number>()
  for (const s of slots) if (s.status !== 'cancelled') perWeek.set(weekKey(s), (perWeek.get(weekKey(s)) ?? 0) + 1)
  const ledger: GoalLedger = new Map()
  for (const slot of slots) {
    const posts = perWeek.get(weekKey(slot)) ?? 1
    items.push(datedItem(ctx, rng, titler, slot, posts, { members, team, goals, campaigns, quarterLabel, ledger }))
  }
  return { items, ledger }
}

/** Quarters between the day's quarter and the current one (0 for today and the weeks ahead). Cached per day: 100k items share a few thousand days. */
const agoCache = new WeakMap<DemoContext, Map<number, number>>()
function quartersAgo(ctx: DemoContext, day: number): number {
  let byDay = agoCache.get(ctx)
  if (byDay === undefined) {
    byDay = new Map()
    agoCache.set(ctx, byDay)
  }
  let ago = byDay.get(day)
  if (ago === undefined) {
    const q = cal.quarterOf(Math.min(day, ctx.current.end))
    const index = (label: string): number => Number(label.slice(0, 4)) * 4 + Number(label.slice(6))
    ago = index(ctx.current.label) - index(q.label)
    byDay.set(day, ago)
  }
  return ago
}

function cadenceCells(ctx: DemoContext, postable: readonly DemoChannel[]): Cell[] {
  const cells: Cell[] = []
  for (const channel of postable) {
    const h = channelHistory(channel.spec.key)
    const last = channel.spec.quietForDays === null ? ctx.horizonEnd : ctx.today - channel.spec.quietForDays
    for (const q of ctx.quarters) {
      const from = Math.max(q.start, ctx.spanStart)
      const to = Math.min(q.start === ctx.current.start ? ctx.horizonEnd : q.end, last)
      if (to < from) continue
      const weight = channel.spec.cadence * cadenceMultiple(h, quartersAgo(ctx, q.start)) * ((to - from + 1) / 7)
      if (weight > 0) cells.push({ channel, from, to, weight })
    }
  }
  return cells
}

function pickSlots(ctx: DemoContext, rng: Rng, cells: readonly Cell[], steady: readonly DemoChannel[], count: number): Slot[] {
  const cumulative: number[] = []
  let sum = 0
  for (const c of cells) cumulative.push((sum += c.weight))
  const slots: Slot[] = []
  let previous: Slot | null = null
  for (let i = 0; i < count && cells.length > 0; i++) {
    const forced = GUARANTEED[i]
    let slot: Omit<Slot, 'status'>
    if (forced !== undefined) {
      slot = { channel: rng.pick(steady), day: ctx.today + rng.int(forced.from, forced.to), minute: rng.int(32, 70) * 15 }
    } else if (previous !== null && rng.chance(0.04)) {
      // Same channel, same day, within the hour or so: the clash warnings need something to show.
      slot = { channel: previous.channel, day: previous.day, minute: Math.min(23 * 60, previous.minute + rng.int(2, 6) * 15) }
    } else {
      const cell = cells[lowerBound(cumulative, rng.next() * sum)] ?? cells[cells.length - 1]
      if (cell === undefined) break
      slot = { channel: cell.channel, day: preferredDay(rng, cell, rng.int(cell.from, cell.to)), minute: rng.int(32, 70) * 15 } // 08:00–17:30 local
    }
    previous = { ...slot, status: forced?.status ?? demoContentStatus(rng, slot.day - ctx.today) }
    slots.push(previous)
  }
  return slots
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? 0) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Moves a day within its week to a weekday the channel's team usually posts on (LinkedIn midweek, the newsletter Tuesdays). */
function preferredDay(rng: Rng, cell: Cell, day: number): number {
  const weights = channelHistory(cell.channel.spec.key).weekdays
  const wd = rng.weighted(weights.map((w, i) => [i, w] as const))
  const moved = day - weekday(day) + wd
  return moved >= cell.from && moved <= cell.to ? moved : day
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
    checklist: {}, approverId: null, approvedAt: null, resultReach: null, resultEngagements: null, resultClicks: null, resultConversions: null, externalId: ''
  }
}

type ItemContext = {
  members: Member[]
  team: DemoTeam
  goals: DemoGoalIds
  campaigns: DemoCampaigns
  quarterLabel: (day: number) => string
  ledger: GoalLedger
}

function datedItem(ctx: DemoContext, rng: Rng, titler: Titler, slot: Slot, postsThatWeek: number, ic: ItemContext): Item {
  const { members, team, goals, campaigns, quarterLabel, ledger } = ic
  const { channel, day, minute, status } = slot
  const spec = channel.spec
  const campaign = campaigns.list.find((c) => day >= c.start && day <= c.end && rng.chance(0.4)) ?? null
  const pillar = campaign !== null ? campaign.pillar : rng.weighted(PILLAR_WEIGHTS)
  const format = rng.pick(spec.formats)
  const { title, brief } = titler(format, pillar)
  const ownerMember = rng.chance(0.65) ? (members.find((m) => m.id === channel.ownerId) ?? rng.pick(members)) : rng.pick(members)
  // Link the item to its own quarter's goal for what the post aims at; older quarters lack some goals.
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

  const expectedReach = reachFor(ctx, channel, day, minute, postsThatWeek)
  const expectedUnits = link === null ? 0 : (expectedReach / 1000) * link[1]
  if (goalId !== null && status !== 'cancelled') {
    const entry = ledger.get(goalId) ?? { byDay: new Map<number, number>(), expected: 0 }
    entry.expected += expectedUnits
    ledger.set(goalId, entry)
  }
  const published = status === 'published'
  let reach: number | null = null
  let engagements: number | null = null
  let clicks: number | null = null
  let conversions: number | null = null
  if (published) {
    reach = Math.max(1, Math.round(expectedReach * Math.exp(0.3 * rng.noise())))
    engagements = Math.round(reach * spec.engagementRate * Math.exp(0.3 * rng.noise()))
    clicks = Math.round(reach * spec.clickRate * Math.exp(0.3 * rng.noise()))
    const units = link === null ? 0 : (reach / 1000) * link[1] * Math.exp(0.35 * rng.noise())
    conversions = link !== null && FRACTIONAL.has(link[0]) ? Math.round(units * 1000) / 1000 : Math.round(units)
    const entry = goalId === null ? undefined : ledger.get(goalId)
    if (entry !== undefined) entry.byDay.set(day, (entry.byDay.get(day) ?? 0) + conversions)
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
    resultConversions: conversions,
    externalId: ''
  }
}

type Link = readonly [GoalKey, number]
const linkCache = new WeakMap<DemoChannel, Map<string, readonly (readonly [Link, number])[]>>()

/**
 * What a post on the channel aims at, among the goals of the item's quarter: the channel history's
 * mix and true yield (the spec's estimates when it has none). Cached: few channel × quarter pairs.
 */
function linkOptions(channel: DemoChannel, quarter: string, quarterGoals: Partial<Record<GoalKey, string>>): readonly (readonly [Link, number])[] {
  let byQuarter = linkCache.get(channel)
  if (byQuarter === undefined) {
    byQuarter = new Map()
    linkCache.set(channel, byQuarter)
  }
  let options = byQuarter.get(quarter)
  if (options === undefined) {
    const truth = channelHistory(channel.spec.key).truth
    const all: readonly (readonly [Link, number])[] =
      truth.length > 0 ? truth.map(([key, share, rate]) => [[key, rate], share] as const) : channel.spec.links.map((l) => [l, 1] as const)
    options = all.filter(([[key]]) => quarterGoals[key] !== undefined)
    byQuarter.set(quarter, options)
  }
  return options
}

/**
 * People one post reaches, before noise: the audience then × the channel's reach share that quarter,
 * lower when the week is busier than the usual cadence (n^−β), better on the days and hours that work.
 */
function reachFor(ctx: DemoContext, channel: DemoChannel, day: number, minute: number, postsThatWeek: number): number {
  const spec = channel.spec
  const h = channelHistory(spec.key)
  const audienceThen =
    spec.audience === null ? subscribersAt(Math.min(day, ctx.today), ctx.current, cal.quarterOf) : channel.audience * Math.exp((-h.audienceGrowth * Math.max(0, ctx.today - day)) / 365)
  const usual = Math.max(1, spec.cadence)
  const busy = Math.pow(Math.max(1, postsThatWeek) / usual, -h.beta)
  const timing = (h.weekdayEffect[weekday(day)] ?? 1) * (minute < 11 * 60 ? h.morningEffect : 1)
  return audienceThen * spec.reachShare * reachTrend(h, quartersAgo(ctx, day)) * busy * timing
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
