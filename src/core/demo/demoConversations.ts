import type { z } from 'zod'
import type { enums } from '../domain/enums'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoChannels } from './demoChannels'
import type { DemoContext } from './demoContext'
import { demoConversationTexts as t } from './demoConversationTexts'
import type { DemoRecord } from './demoData'
import type { DemoExperts } from './demoExperts'
import type { DemoTeam, RoleKey } from './demoMembers'
import { demoNames } from './demoNames'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

type ConversationType = z.infer<typeof enums.conversationType>
type Sentiment = z.infer<typeof enums.sentiment>
type Status = z.infer<typeof enums.conversationState>

const HOUR = 3_600_000
/** 115 conversations, weighted the way an observability vendor's inbox looks: mostly questions. */
const TYPE_COUNTS: Record<ConversationType, number> = { question: 32, product_feedback: 28, praise: 20, complaint: 17, lead: 18, press: 3, crisis: 2 }
/** Who picks it up: questions to community and devrel, feedback to product marketing, leads to sales. */
const ROUTE: Record<ConversationType, readonly RoleKey[]> = {
  question: ['community', 'community', 'devrel'], product_feedback: ['pmm', 'devrel'], praise: ['social', 'content'],
  complaint: ['community', 'head'], lead: ['pmm', 'pmm', 'head'], press: ['head'], crisis: ['head', 'community']
}
const SENTIMENT: Record<ConversationType, readonly (readonly [Sentiment, number])[]> = {
  praise: [['positive', 1]], complaint: [['negative', 5], ['neutral', 1]], question: [['neutral', 6], ['positive', 1], ['negative', 1]],
  product_feedback: [['neutral', 3], ['negative', 2], ['positive', 1]], lead: [['positive', 2], ['neutral', 3]],
  press: [['neutral', 1]], crisis: [['negative', 1]]
}
const SOURCES = ['forum', 'forum', 'li', 'li', 'x', 'x', 'yt', 'ceo', 'pod', 'events', 'web'] as const

export function demoConversations(
  ctx: DemoContext, _team: DemoTeam, experts: DemoExperts, channels: DemoChannels, influencers: readonly DemoRecord<'influencer'>[]
): DemoRecord<'conversation'>[] {
  const rng = ctx.rng('conversation')
  const types = rng.shuffle((Object.keys(TYPE_COUNTS) as ConversationType[]).flatMap((k) => Array.from({ length: TYPE_COUNTS[k] }, () => k)))
  // "Now" is taken as the start of today: the caller only knows the day, and nothing may lie ahead of it.
  const now = ctx.today * cal.DAY_MS
  const out: DemoRecord<'conversation'>[] = []
  types.forEach((type, i) => {
    // The first few are from the last days so the inbox always has fresh, unrouted items.
    const day = i < 6 ? ctx.today - rng.int(1, 3) : rng.int(ctx.previous.start, ctx.today)
    const occurred = Math.min(now - 6 * HOUR, day * cal.DAY_MS + rng.int(6 * 60, 21 * 60) * 60_000)
    const status = i < 3 ? 'new' : i < 6 ? 'assigned' : statusFor(rng, ctx.today - day)
    const theme = rng.pick(t.themes)
    const influencer = type !== 'lead' && influencers.length > 0 && rng.chance(0.2) ? rng.pick(influencers) : null
    const routed = status === 'new' ? null : Math.min(now, occurred + rng.int(1, 36) * HOUR * rng.between(0.2, 1))
    const resolved = status === 'resolved' && routed !== null ? Math.min(now, routed + rng.int(2, 240) * HOUR) : null
    const tags = [theme]
    if (rng.chance(0.3)) {
      const extra = rng.pick(t.themes)
      if (extra !== theme) tags.push(extra)
    }
    if (type === 'lead') tags.push('sales')
    out.push({
      id: seededUlid(rng, occurred + rng.int(5, 240) * 60_000),
      occurredAt: cal.instantString(occurred),
      channelId: channels.byKey.get(rng.pick(SOURCES))?.id ?? null,
      network: '',
      url: '',
      author: influencer?.name ?? authorFor(rng, type),
      influencerId: influencer?.id ?? null,
      summary: rng.pick(t.summaries[type]).replace('{theme}', theme),
      topic: theme.toLowerCase(),
      language: 'en',
      type,
      sentiment: type === 'praise' ? 'positive' : rng.weighted(SENTIMENT[type]),
      priority: 'normal',
      state: status,
      assigneeId: status === 'new' ? null : experts.byRole[rng.pick(ROUTE[type])],
      assignedAt: routed === null ? null : cal.instantString(Math.max(routed, occurred)),
      assignmentNote: '',
      firstResponseAt: null,
      resolvedAt: resolved === null ? null : cal.instantString(Math.max(resolved, occurred)),
      waitingSince: null,
      waits: [],
      escalationLevel: 0,
      escalations: [],
      replyText: '',
      answerId: null,
      ticketId: '',
      resolution: status === 'resolved' ? rng.pick(t.resolutions[type]) : '',
      checklist: [],
      tags,
      externalId: ''
    })
  })
  return out
}

/** Older conversations are mostly closed; recent ones are still waiting or being worked on. */
function statusFor(rng: Rng, ageDays: number): Status {
  if (ageDays < 3) return rng.weighted<Status>([['new', 6], ['assigned', 4]])
  if (ageDays <= 14) return rng.weighted<Status>([['new', 1], ['assigned', 4], ['resolved', 5]])
  return rng.weighted<Status>([['new', 1], ['assigned', 3], ['resolved', 16]])
}

function authorFor(rng: Rng, type: ConversationType): string {
  if (type === 'lead' || rng.chance(0.5)) {
    const name = `${rng.pick(demoNames.first)} ${rng.pick(demoNames.last).charAt(0)}.`
    return `${name} (${rng.pick(demoNames.companies)})`
  }
  return rng.pick(demoNames.anonymousAuthors)
}
