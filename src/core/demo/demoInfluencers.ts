import type { z } from 'zod'
import type { enums } from '../domain/enums'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoTeam, RoleKey } from './demoMembers'
import { demoNames as n } from './demoNames'
import { demoWords as w } from './demoWords'
import type { Rng } from './seededRandom'
import { seededUlid } from './seededUlid'

type Stage = z.infer<typeof enums.stage>
type InteractionKind = z.infer<typeof enums.interactionKind>
type Archetype = 'analyst' | 'practitioner' | 'podcaster' | 'community'

const STAGES: readonly Stage[] = ['identified', 'following', 'engaged', 'collaborating', 'advocate']
/** A pipeline narrows: many identified, fewer advocates (88 in all). */
const STAGE_COUNTS: Record<Stage, number> = { identified: 22, following: 20, engaged: 19, collaborating: 15, advocate: 12 }
const OWNER: Record<Archetype, readonly RoleKey[]> = {
  analyst: ['head', 'pmm'], practitioner: ['devrel', 'community'], podcaster: ['devrel', 'social'], community: ['community', 'devrel']
}
const REACH: Record<Archetype, readonly [number, number]> = {
  analyst: [4000, 40000], practitioner: [800, 25000], podcaster: [3000, 60000], community: [1500, 15000]
}
const NEXT: Record<Stage, readonly string[]> = {
  identified: ['Follow and read their last five posts', 'Find a warm intro through a customer'],
  following: ['Comment on their next post about {topic}', 'Share their article with a real take', 'Reply to their thread on {topic}'],
  engaged: ['Invite them onto the Data Downtime podcast', 'Send the downtime report before launch', 'Ask for feedback on the {topic} guide'],
  collaborating: ['Confirm the webinar co-host slot', 'Review their draft guest post', 'Agree the joint talk abstract for {event}'],
  advocate: ['Send a thank-you note and swag', 'Ask for a quote for the launch post', 'Brief them on Monitors 3.0 under embargo']
}
const INTERACTION_NOTES: Record<InteractionKind, readonly string[]> = {
  email: ['Sent the report preview', 'Intro email via a shared customer', 'Follow-up on the guest post'],
  call: ['30-minute call on {topic}', 'Briefing on the roadmap'],
  meeting: ['Coffee at {event}', 'Analyst briefing: product and pricing'],
  dm: ['DM about their {topic} thread', 'Thanked them for the mention'],
  comment: ['Commented on their post about {topic}', 'Replied in their thread'],
  event: ['Met at {event}', 'Spoke on the same panel at {event}'],
  other: ['Sent swag', 'Shared in the community newsletter']
}

export function demoInfluencers(ctx: DemoContext, team: DemoTeam): DemoRecord<'influencer'>[] {
  const rng = ctx.rng('influencer')
  const stages = rng.shuffle(STAGES.flatMap((s) => Array.from({ length: STAGE_COUNTS[s] }, () => s)))
  const used = new Set<string>()
  const out: DemoRecord<'influencer'>[] = []
  stages.forEach((stage, i) => {
    const archetype = (['analyst', 'practitioner', 'podcaster', 'community'] as const)[i % 4] ?? 'practitioner'
    let first = rng.pick(n.first)
    let last = rng.pick(n.last)
    while (used.has(`${first} ${last}`)) {
      first = rng.pick(n.first)
      last = rng.pick(n.last)
    }
    used.add(`${first} ${last}`)
    const k = STAGES.indexOf(stage)
    const history = stageHistory(ctx, rng, k, i)
    const firstDay = history[0]?.day ?? ctx.today
    const interactions = interactionsFor(ctx, rng, k, firstDay)
    const hasNext = k > 0 ? rng.chance(0.9) : rng.chance(0.5)
    const topics = rng.shuffle(w.topics).slice(0, rng.int(2, 4))
    out.push({
      id: seededUlid(rng, firstDay * cal.DAY_MS + rng.int(8, 18) * 3_600_000),
      name: `${first} ${last}`,
      title: titleFor(rng, archetype),
      handles: handlesFor(rng, archetype, first, last),
      topics,
      reach: rng.int(...REACH[archetype]),
      engagementRate: Math.round(rng.between(0.008, 0.08) * 1000) / 1000,
      relevance: rng.weighted<number>([[1, 1], [2, 2], [3, 4], [4, 4], [5, 3]]),
      stage,
      ownerId: team.byRole[rng.pick(OWNER[archetype])].id,
      lastContactDate: interactions.at(-1)?.date ?? null,
      nextAction: hasNext ? fill(rng, rng.pick(NEXT[stage])) : '',
      // Some next actions are already past due: the pipeline view should have something to nag about.
      nextActionDate: hasNext ? cal.dayString(ctx.today + rng.int(-21, 30)) : null,
      notes: notesFor(rng, archetype, topics),
      interactions,
      stageHistory: history.map((h) => ({ stage: h.stage, date: cal.dayString(h.day) })),
      externalId: ''
    })
  })
  return out
}

/**
 * One entry per stage reached, in order, ending at the current stage. Some people are made to move in
 * each quarter so both the current and last quarter's pipeline show movement whatever today is.
 */
function stageHistory(ctx: DemoContext, rng: Rng, k: number, i: number): { stage: Stage; day: number }[] {
  const first = rng.int(ctx.previous.start - 150, Math.max(ctx.previous.start - 150, ctx.today - 7 * (k + 1)))
  const days = [first]
  for (let s = 1; s <= k; s++) days.push(rng.int(first, ctx.today))
  if (k > 0 && i % 5 === 0) days[days.length - 1] = rng.int(ctx.current.start, ctx.today)
  if (k > 0 && i % 5 === 1) days[days.length - 1] = rng.int(ctx.previous.start, ctx.previous.end)
  const moves = days.slice(1).sort((a, b) => a - b)
  // The first entry is when they were identified; forced dates above never precede it by much, so clamp.
  return [first, ...moves.map((d) => Math.max(d, first))].map((day, s) => ({ stage: STAGES[s] ?? 'identified', day }))
}

function interactionsFor(ctx: DemoContext, rng: Rng, k: number, firstDay: number): DemoRecord<'influencer'>['interactions'] {
  const count = [rng.int(0, 1), rng.int(0, 2), rng.int(2, 5), rng.int(3, 8), rng.int(4, 10)][k] ?? 0
  const kinds: InteractionKind[] = k < 2 ? ['comment', 'dm'] : ['email', 'call', 'meeting', 'dm', 'comment', 'event', 'other']
  const days: number[] = []
  for (let j = 0; j < count; j++) days.push(rng.int(firstDay, ctx.today))
  days.sort((a, b) => a - b)
  return days.map((day) => {
    const kind = rng.pick(kinds)
    return { date: cal.dayString(day), kind, note: fill(rng, rng.pick(INTERACTION_NOTES[kind])) }
  })
}

function titleFor(rng: Rng, a: Archetype): string {
  if (a === 'analyst') return `${rng.pick(['Principal Analyst', 'Research Director', 'VP Analyst'])}, Data Management at ${rng.pick(n.analystFirms)}`
  if (a === 'practitioner') return `${rng.pick(n.practitionerTitles)} at ${rng.pick(n.companies)}`
  if (a === 'podcaster') return `Host, ${rng.pick(n.podcasts)}`
  return `Organiser, ${rng.pick(n.communities)}`
}

function handlesFor(rng: Rng, a: Archetype, first: string, last: string): Record<string, string> {
  const base = `${first}${last}`.toLowerCase().replace(/[^a-z]/g, '')
  const handles: Record<string, string> = { linkedin: `linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}`.replace(/[^a-z/.-]/g, '') }
  if (rng.chance(0.7)) handles.x = `@${base.slice(0, 14)}`
  if (a === 'podcaster') handles.podcast = `${base}.fm`
  if (a === 'podcaster' || rng.chance(0.15)) handles.youtube = `youtube.com/@${base}`
  if (a === 'practitioner' && rng.chance(0.3)) handles.mastodon = `@${first.toLowerCase()}@hachyderm.io`
  return handles
}

function notesFor(rng: Rng, a: Archetype, topics: string[]): string {
  const topic = topics[0] ?? 'data quality'
  const byType: Record<Archetype, readonly string[]> = {
    analyst: [`Covers ${topic} in the yearly market guide. Prefers written briefings.`, 'Briefing cycle closes end of quarter; do not pitch in the last two weeks.'],
    practitioner: [`Writes honestly about ${topic}; skeptical of vendors, so lead with the open-source angle.`, 'Uses a competitor today; curious about our dbt integration.'],
    podcaster: [`Weekly show; likes guests who talk about ${topic} failures, not features.`, 'Books guests six weeks ahead.'],
    community: [`Runs a monthly meetup; always short of venues and speakers on ${topic}.`, 'Happy to cross-post our community events.']
  }
  return rng.pick(byType[a])
}

function fill(rng: Rng, text: string): string {
  return text.replace('{topic}', rng.pick(w.topics)).replace('{event}', rng.pick(w.events))
}
