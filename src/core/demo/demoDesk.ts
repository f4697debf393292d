import { defaultDeskPolicy } from '../domain/deskPolicy'
import { crisisChecklist } from '../listening/crisisChecklist'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoExperts } from './demoExperts'
import type { DemoGoalIds } from './demoGoals'
import type { DemoTeam } from './demoMembers'
import { seededUlid } from './seededUlid'

type Rec<K extends 'expert' | 'watch' | 'routingRule' | 'escalationLadder' | 'approvedAnswer' | 'handoff' | 'deskPolicy'> = DemoRecord<K>
export type DemoDesk = {
  experts: Rec<'expert'>[]
  watch: Rec<'watch'>[]
  routingRule: Rec<'routingRule'>[]
  escalationLadder: Rec<'escalationLadder'>[]
  approvedAnswer: Rec<'approvedAnswer'>[]
  handoff: Rec<'handoff'>[]
  deskPolicy: Rec<'deskPolicy'>[]
  conversations: DemoRecord<'conversation'>[]
}

const HOUR = 3_600_000
const OUTSIDE = [
  { key: 'engineer', name: 'Ines Okafor', team: 'Engineering', role: 'Staff engineer, data pipelines', topics: ['api', 'dbt integration', 'snowflake', 'bigquery', 'lineage'] },
  { key: 'product', name: 'Marek Novak', team: 'Product', role: 'Product manager, alerting', topics: ['alert noise', 'anomaly detection', 'slack alerts', 'data contracts'] },
  { key: 'support', name: 'Rosa Lindqvist', team: 'Support', role: 'Support lead', topics: ['pricing', 'onboarding', 'sso', 'rbac'] },
  { key: 'legal', name: 'Daniel Achterberg', team: 'Legal', role: 'Legal counsel', topics: ['security', 'privacy'] }
] as const

/**
 * The listening desk of the demo: experts outside marketing (an engineer, product, the support lead,
 * legal), what they watch, routing rules, an escalation ladder for complaints and crises, desk hours
 * with a holiday, approved answers (one stale), and the quarter's conversations with links, priorities,
 * replies, escalations and lead hand-offs.
 */
export function demoDesk(ctx: DemoContext, team: DemoTeam, experts: DemoExperts, goals: DemoGoalIds, conversations: DemoRecord<'conversation'>[]): DemoDesk {
  const rng = ctx.rng('desk')
  const at = (day: number) => seededUlid(rng, day * cal.DAY_MS)
  const outside = OUTSIDE.map((o) => ({
    id: at(ctx.spanStart - 10), name: o.name, memberId: null, team: o.team, role: o.role,
    email: `${o.name.toLowerCase().replace(/\s+/g, '.')}@northwind-analytics.com`, topics: [...o.topics], languages: ['en', 'de'],
    availability: o.key === 'legal' ? ('limited' as const) : ('available' as const), availabilityNote: o.key === 'legal' ? 'Answers within a day' : '',
    escalatesToId: null, active: true, leftAt: null
  }))
  const [engineer, product, support, legal] = outside.map((e) => e.id) as [string, string, string, string]
  const head = experts.byRole.head
  const community = experts.byRole.community
  const today = ctx.today
  const day = (d: number) => cal.dayString(d)

  const watch: Rec<'watch'>[] = (
    [
    { type: 'forum', name: 'dbt Community Slack #tools', url: 'https://community.getdbt.com', expertId: engineer, influencerId: null, everyDays: 2, lastCheckedAt: cal.instantString((today - 1) * cal.DAY_MS + 9 * HOUR), note: '' },
    { type: 'community', name: 'r/dataengineering', url: 'https://www.reddit.com/r/dataengineering', expertId: community, influencerId: null, everyDays: 1, lastCheckedAt: cal.instantString((today - 3) * cal.DAY_MS + 10 * HOUR), note: 'Observability threads' },
    { type: 'blog', name: 'Locally Optimistic', url: 'https://locallyoptimistic.com', expertId: product, influencerId: null, everyDays: 7, lastCheckedAt: cal.instantString((today - 12) * cal.DAY_MS + 14 * HOUR), note: '' },
    { type: 'forum', name: 'Northwind community forum', url: 'https://community.northwind-analytics.com', expertId: support, influencerId: null, everyDays: 1, lastCheckedAt: cal.instantString((today - 1) * cal.DAY_MS + 8 * HOUR), note: '' }
    ] satisfies Omit<Rec<'watch'>, 'id'>[]
  ).map((w) => ({ id: at(ctx.spanStart - 5), ...w }))

  const rule = (position: number, name: string, assigneeId: string, r: Partial<Rec<'routingRule'>>): Rec<'routingRule'> => ({
    id: at(ctx.spanStart - 5), position, name, types: r.types ?? [], topics: r.topics ?? [], sentiments: r.sentiments ?? [], keywords: r.keywords ?? [],
    authors: [], channelIds: [], networks: [], assigneeId, priority: r.priority ?? null, active: true
  })
  const routingRule = [
    rule(1, 'Crises to the head of marketing', head, { types: ['crisis'], priority: 'urgent' }),
    rule(2, 'Press to the head of marketing', head, { types: ['press'], priority: 'high' }),
    rule(3, 'Security and privacy claims to legal', legal, { keywords: ['leak', 'GDPR', 'breach'], priority: 'urgent' }),
    rule(4, 'Billing complaints to support', support, { types: ['complaint'], topics: ['pricing', 'sso', 'rbac'], priority: 'high' }),
    rule(5, 'Integration questions to engineering', engineer, { types: ['question', 'complaint'], topics: ['api', 'dbt integration', 'snowflake', 'bigquery', 'lineage'] }),
    rule(6, 'Alerting feedback to product', product, { types: ['product_feedback', 'complaint'], topics: ['alert noise', 'anomaly detection', 'slack alerts'] }),
    rule(7, 'Leads to product marketing', experts.byRole.pmm, { types: ['lead'] }),
    rule(9, 'Everything else to the community manager', community, {})
  ]
  const escalationLadder: Rec<'escalationLadder'>[] = [
    { id: at(ctx.spanStart - 4), type: 'complaint', steps: [{ level: 1, expertId: support, afterHours: 8 }, { level: 2, expertId: product, afterHours: 16 }, { level: 3, expertId: head, afterHours: 24 }] },
    { id: at(ctx.spanStart - 4), type: 'crisis', steps: [{ level: 1, expertId: head, afterHours: 2 }, { level: 2, expertId: legal, afterHours: 4 }] }
  ]
  const approvedAnswer: Rec<'approvedAnswer'>[] = [
    { title: 'SSO on the Team plan', topic: 'sso', text: 'SSO (SAML and OIDC) is included from the Team plan; setup takes about 15 minutes with our Okta and Entra ID guides.', reviewBy: day(today + 60) },
    { title: 'How seats are billed', topic: 'pricing', text: 'You pay per active seat, counted monthly; dev environments are free and never count toward seats.', reviewBy: day(today - 20) },
    { title: 'Reducing alert noise', topic: 'alert noise', text: 'Turn on alert grouping and set table importance: low-impact tables then alert in a daily digest instead of one by one.', reviewBy: day(today + 90) },
    { title: 'dbt integration setup', topic: 'dbt integration', text: 'Connect dbt Cloud with a service token; tests and lineage sync every run. Guide: docs.northwind-analytics.com/dbt', reviewBy: day(today + 120) }
  ].map((a) => ({ id: at(ctx.spanStart - 3), title: a.title, topic: a.topic, text: a.text, language: 'en', ownerId: team.byRole.pmm.id, reviewBy: a.reviewBy, reviewedAt: day(ctx.spanStart - 3), active: true }))

  const holiday = day(today + 12)
  const deskPolicy: Rec<'deskPolicy'>[] = [
    { id: at(ctx.spanStart - 2), timeZone: 'Europe/Berlin', week: defaultDeskPolicy.week, holidays: [{ date: day(today - 7), name: 'Company day off' }, { date: holiday, name: 'Public holiday' }], targets: defaultDeskPolicy.targets, warnHours: 1, autoEscalate: true }
  ]

  // Links, priorities and replies on this quarter's conversations; some complaints escalated; leads handed off.
  const handoff: Rec<'handoff'>[] = []
  const goalId = goals.current.pipe ?? goals.current.demo ?? null
  const updated = conversations.map((c, i) => {
    const occurred = Date.parse(c.occurredAt)
    const inQuarter = occurred >= ctx.current.start * cal.DAY_MS
    const priority = c.type === 'crisis' ? 'urgent' : c.type === 'complaint' || c.type === 'press' ? 'high' : c.type === 'praise' ? 'low' : 'normal'
    const url = `https://community.northwind-analytics.com/t/${1000 + i}`
    const answered = c.state === 'resolved' ? c.resolvedAt : c.assignedAt !== null && rng.chance(0.5) ? c.assignedAt : null
    let next: DemoRecord<'conversation'> = { ...c, url, priority, firstResponseAt: answered, replyText: answered === null ? '' : 'Thanks for raising this — here is what we found.' }
    if (inQuarter && c.type === 'complaint' && c.state === 'assigned' && c.assignedAt !== null) {
      const escAt = cal.instantString(Math.min(today * cal.DAY_MS - HOUR, Date.parse(c.assignedAt) + 30 * HOUR))
      if (escAt > c.assignedAt)
        next = { ...next, assigneeId: support, escalationLevel: 1, escalations: [{ level: 1, at: escAt, fromId: c.assigneeId, toId: support, byId: null, reason: 'Response target breached' }], assignmentNote: 'Escalated to level 1 (Rosa Lindqvist): Response target breached' }
    }
    // A crisis opens its checklist, as the desk does on every write path.
    if (c.type === 'crisis') next = { ...next, checklist: crisisChecklist().map((x, k) => (c.state === 'resolved' || k < 2 ? { ...x, done: true, doneAt: c.assignedAt ?? c.occurredAt, doneById: null } : x)) }
    if (c.type === 'complaint' && c.state === 'resolved') next = { ...next, ticketId: `SUP-${4000 + i}` }
    if (inQuarter && c.type === 'lead' && c.state !== 'new' && handoff.length < 8) {
      const who = c.author.replace(/\s*\(.*$/, '').split(' ')
      const company = /\((.*)\)/.exec(c.author)?.[1] ?? 'Unknown company'
      handoff.push({
        id: seededUlid(rng, occurred + 2 * HOUR), conversationId: c.id, firstName: who[0] ?? '', lastName: who.slice(1).join(' ') || 'Unknown', email: '', company,
        jobTitle: 'Data lead', phone: '', country: '', note: '', goalId, campaign: 'social-listening', handedAt: cal.instantString(occurred + 2 * HOUR),
        outcome: rng.pick(['open', 'exported', 'accepted', 'opportunity'] as const), outcomeAt: null, exportedAt: null, value: 0
      })
    }
    return next
  })
  return { experts: outside, watch, routingRule, escalationLadder, approvedAnswer, handoff, deskPolicy, conversations: waitForAuthors(updated, today) }
}

/** An answer that asks for more: the conversation waits for its author, and the desk's clocks pause meanwhile. */
const ASKED_BACK = 'Thanks for the detail. Which version are you on, and could you share the failing job’s log? We will take it from there.'

/**
 * Two answered questions this quarter wait for their authors, so the Inbox's Waiting tab and its paused
 * clocks have something to show on a fresh demo. Picked in order, without drawing from the random stream,
 * so every other record of the demo stays as it was.
 */
function waitForAuthors(conversations: DemoRecord<'conversation'>[], today: number): DemoRecord<'conversation'>[] {
  let left = 2
  return conversations.map((c) => {
    if (left === 0 || c.state !== 'assigned' || (c.type !== 'question' && c.type !== 'product_feedback') || c.firstResponseAt === null || c.escalationLevel > 0) return c
    const answered = Date.parse(c.firstResponseAt)
    const since = Math.min(today * cal.DAY_MS - HOUR, answered + 2 * HOUR)
    if (since <= answered) return c
    left--
    return { ...c, state: 'waiting', waitingSince: cal.instantString(since), replyText: ASKED_BACK }
  })
}
