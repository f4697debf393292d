import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InboxRow } from '../../../src/core/api/methods/deskMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// Issue #16 through the real dispatch on a real SQLite file. Monday 9 Feb 2026, 10:00 Berlin.
let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-02-09T09:00:00Z')
const { ok, fails } = dispatchCalls(() => b)
let owner: string
let leo: string
let support: string
let engineer: string
let community: string
let leoExpert: string
type Inbox = { items: InboxRow[]; total: number; counts: { byState: Record<string, number>; overdue: number; aboutToBreach: number; unassigned: number } }

const conv = (extra: Record<string, unknown> = {}) =>
  ok<InboxRow>('conversation-create', { occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice for the pro plan', type: 'complaint', priority: 'high', url: 'https://x.com/sam/1', ...extra })

beforeEach(async () => {
  clock = Date.parse('2026-02-09T09:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
  owner = (await ok('member-create', { name: 'Hannah Vogel', access: 'owner' })).id
  actAs(b, owner)
  leo = (await ok('member-create', { name: 'Leo Martins', access: 'contributor' })).id
  support = (await ok('expert-create', { name: 'Support lead', team: 'Support', topics: ['billing'] })).id
  engineer = (await ok('expert-create', { name: 'Ines Engineer', team: 'Engineering' })).id
  community = (await ok('expert-create', { name: 'Jonas Community', team: 'Marketing' })).id
  leoExpert = (await ok('expert-create', { name: 'Leo Martins', memberId: leo, team: 'Marketing' })).id
  await ok('desk-settings-set', {
    timeZone: 'Europe/Berlin',
    targets: [
      { type: 'complaint', priority: 'high', firstResponseHours: 2, resolutionHours: 8 },
      { type: 'question', priority: 'normal', firstResponseHours: 4, resolutionHours: 16 },
      { type: 'lead', priority: 'normal', firstResponseHours: 4, resolutionHours: 16 },
      { type: 'crisis', priority: 'urgent', firstResponseHours: 1, resolutionHours: 4 }
    ]
  })
})
afterEach(() => cleanup())

describe('the listening desk', () => {
  it('computes due times in business hours and recomputes them all when the hours change', async () => {
    const c = await conv()
    let row = await ok<InboxRow>('inbox-get', { id: c.id })
    expect([row.firstResponseDueAt, row.resolutionDueAt, row.nextDueAt]).toEqual(['2026-02-09T10:00:00.000Z', '2026-02-09T16:00:00.000Z', '2026-02-09T10:00:00.000Z'])
    expect([row.breached, row.aboutToBreach]).toEqual([false, true])
    // Opening at 10:00 instead of 09:00 moves every due time by the hour lost, in one step.
    const set = await ok<{ recomputed: number }>('desk-settings-set', { week: { mon: [{ start: '10:00', end: '17:00' }], tue: [{ start: '10:00', end: '17:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] } })
    expect(set.recomputed).toBe(1)
    row = await ok<InboxRow>('inbox-get', { id: c.id })
    expect(row.firstResponseDueAt).toBe('2026-02-09T11:00:00.000Z')
    expect(row.resolutionDueAt).toBe('2026-02-10T10:00:00.000Z')
  })

  it('refuses bad settings naming the field', async () => {
    const zone = await fails('desk-settings-set', { timeZone: 'Mars/Olympus' })
    expect(zone.issues[0]?.path).toEqual(['timeZone'])
    const hours = await fails('desk-settings-set', { week: { mon: [{ start: '17:00', end: '09:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } })
    expect(hours.issues.some((i) => i.path.join('.') === 'week.mon.0.end' && i.message.includes('Monday end (09:00) before they start (17:00)'))).toBe(true)
    const target = await fails('desk-settings-set', { targets: [{ type: 'lead', priority: 'low', firstResponseHours: 0, resolutionHours: 4 }] })
    expect(target.issues[0]?.path).toEqual(['targets', 0, 'firstResponseHours'])
    expect(target.issues[0]?.message).toContain('more than 0 hours')
  })

  it('filters and sorts the inbox: overdue, about to breach, state, assignee', async () => {
    const a = await conv()
    const q = await conv({ type: 'question', priority: 'normal', summary: 'Does SSO work with Okta?', occurredAt: '2026-02-06T10:00:00Z' })
    await conv({ summary: 'Old and done', state: 'resolved', resolution: 'Refunded', assigneeId: support, occurredAt: '2026-02-02T10:00:00Z' })
    clock = Date.parse('2026-02-09T10:30:00Z')
    const all = await ok<Inbox>('inbox-list', { state: ['new', 'triaged', 'assigned', 'waiting'] })
    expect(all.items.map((r) => r.id)).toEqual([q.id, a.id])
    const overdue = await ok<Inbox>('inbox-list', { overdue: true })
    expect(overdue.items.map((r) => r.id).sort()).toEqual([a.id, q.id].sort())
    expect(overdue.counts.byState).toMatchObject({ new: 2, resolved: 1 })
    expect(overdue.counts.unassigned).toBe(2)
    const none = await ok<Inbox>('inbox-list', { assigneeId: support })
    expect(none.items.map((r) => r.summary)).toEqual(['Old and done'])
  })

  it('proposes by rule, and logs a confirmation and an override', async () => {
    await ok('routing-rule-create', { position: 4, name: 'Billing complaints', types: ['complaint'], topics: ['billing'], assigneeId: support })
    await ok('routing-rule-create', { position: 9, name: 'Everything else', assigneeId: community })
    const c = await conv()
    const t = await ok<{ conversation: InboxRow; proposal: { reason: string; ruleId: string; assigneeId: string } }>('conversation-triage', { id: c.id, topic: 'billing' })
    expect(t.conversation.state).toBe('triaged')
    expect(t.proposal.reason).toBe('complaint + topic billing → Support lead, rule 4')
    const confirmed = await ok<InboxRow>('conversation-assign', { id: c.id, assigneeId: support, ruleId: t.proposal.ruleId })
    expect(confirmed).toMatchObject({ state: 'assigned', assigneeId: support, assigneeName: 'Support lead' })
    expect(confirmed.assignmentNote).toBe('Proposed by rule 4 (complaint + topic billing → Support lead, rule 4); confirmed by Hannah Vogel')
    const over = await ok<InboxRow>('conversation-assign', { id: c.id, assigneeId: engineer, note: 'it is a bug' })
    expect(over.assignmentNote).toBe('Rule 4 proposed Support lead; Hannah Vogel assigned Ines Engineer instead — it is a bug')
    const history = b.db.all<{ col: string; label: string }>(sql`SELECT cr.col, t.label FROM change_record cr JOIN change_tx t ON t.dev = cr.dev AND t.seq = cr.seq WHERE cr.row_id = ${c.id} AND cr.col = 'assignment_note'`)
    expect(history.map((h) => h.label)).toEqual(['conversation-assign', 'conversation-assign'])
  })

  it('escalates a breach by itself up the ladder, logged, and refuses a circular ladder', async () => {
    const circle = await fails('escalation-ladder-create', { type: 'complaint', steps: [{ level: 1, expertId: support, afterHours: 2 }, { level: 2, expertId: engineer, afterHours: 2 }, { level: 3, expertId: support, afterHours: 2 }] })
    expect(circle.issues[0]?.message).toBe('The ladder would escalate in a circle: Support lead → Ines Engineer → Support lead')
    await ok('escalation-ladder-create', { type: 'complaint', steps: [{ level: 1, expertId: support, afterHours: 2 }, { level: 2, expertId: engineer, afterHours: 4 }] })
    const c = await conv({ assigneeId: community, state: 'assigned' })
    let scan = await ok<{ escalated: unknown[] }>('desk-scan', { now: '2026-02-09T09:59:00Z' })
    expect(scan.escalated).toEqual([])
    scan = await ok<{ escalated: { level: number; toId: string }[] }>('desk-scan', { now: '2026-02-09T10:05:00Z' })
    expect(scan.escalated).toEqual([expect.objectContaining({ conversationId: c.id, level: 1, fromId: community, toId: support, reason: 'Response target breached' })])
    clock = Date.parse('2026-02-09T12:30:00Z')
    scan = await ok('desk-scan', { now: '2026-02-09T12:30:00Z' })
    expect(scan.escalated).toEqual([expect.objectContaining({ level: 2, toId: engineer })])
    const row = await ok<InboxRow>('inbox-get', { id: c.id })
    expect(row.escalationLevel).toBe(2)
    expect(row.escalations.map((e) => [e.level, e.byId, e.toId])).toEqual([[1, null, support], [2, null, engineer]])
    const top = await fails('conversation-escalate', { id: c.id, reason: 'still angry' })
    expect(top.message).toContain('no one further up')
  })

  it('refuses experts who escalate to each other in a circle', async () => {
    await ok('expert-update', { id: support, escalatesToId: engineer })
    const r = await fails('expert-update', { id: engineer, escalatesToId: support })
    expect(r.issues[0]).toEqual({ path: ['escalatesToId'], message: 'Escalation would go in a circle: Ines Engineer → Support lead → Ines Engineer' })
  })

  it('stores the reply, stops the first-response clock, resolves with a ticket, opens a crisis checklist', async () => {
    const c = await conv({ assigneeId: support, state: 'assigned' })
    await ok('conversation-reply', { id: c.id, replyText: 'Sorry about that' })
    let row = await ok<InboxRow>('conversation-respond', { id: c.id, waitForAuthor: true })
    // Waiting for the author: the resolution clock is paused (no running due time) from the reply on.
    expect([row.state, row.firstResponseAt, row.replyText, row.nextDueAt, row.waitingSince]).toEqual(['waiting', '2026-02-09T09:00:00.000Z', 'Sorry about that', null, '2026-02-09T09:00:00.000Z'])
    row = await ok<InboxRow>('conversation-resolve', { id: c.id, resolution: 'Refunded', ticketId: 'SUP-1042' })
    expect([row.state, row.ticketId, row.nextDueAt, row.breached]).toEqual(['resolved', 'SUP-1042', null, false])
    const crisis = await conv({ type: 'crisis', priority: 'urgent', summary: 'Leak claim trending' })
    expect(crisis.checklist.length).toBeGreaterThan(3)
    const ticked = await ok<InboxRow>('conversation-checklist-set', { id: crisis.id, itemId: 'facts', done: true })
    expect(ticked.checklist[0]).toMatchObject({ id: 'facts', done: true, doneById: owner })
  })

  it('lets a contributor work only conversations that are theirs or unassigned', async () => {
    const mine = await conv({ assigneeId: leoExpert, state: 'assigned' })
    const theirs = await conv({ assigneeId: support, state: 'assigned' })
    actAs(b, leo)
    await ok('conversation-respond', { id: mine.id, replyText: 'On it' })
    const refused = await fails('conversation-respond', { id: theirs.id, replyText: 'Me too' })
    expect(refused.code).toBe('forbidden')
    const list = await ok<Inbox>('inbox-list', { mine: true })
    expect(list.items.map((r) => r.id)).toEqual([mine.id])
  })

  it('returns a leaving expert’s open conversations to triage and keeps their history', async () => {
    const open = await conv({ assigneeId: support, state: 'assigned' })
    const done = await conv({ assigneeId: support, state: 'resolved', resolution: 'Fixed' })
    const r = await ok<{ returned: number; expert: { active: boolean; leftAt: string } }>('expert-leave', { id: support, note: 'moved to sales' })
    expect(r.returned).toBe(1)
    expect(r.expert.active).toBe(false)
    const back = await ok<InboxRow>('inbox-get', { id: open.id })
    expect([back.state, back.assigneeId]).toEqual(['triaged', null])
    expect(back.assignmentNote).toBe('Support lead left (moved to sales); back to triage on 2026-02-09')
    expect((await ok<InboxRow>('inbox-get', { id: done.id })).assigneeName).toBe('Support lead')
    const refused = await fails('conversation-assign', { id: open.id, assigneeId: support })
    expect(refused.message).toContain('has left')
  })

  it('hands off a lead: counted toward its goal and exported for HubSpot and Salesforce', async () => {
    const goal = (await ok('goal-create', { objective: 'Pipeline from social', driver: 'revenue', kpiName: 'Hand-offs', quarter: '2026-Q1', target: 10 })).id
    const lead = await conv({ type: 'lead', priority: 'normal', summary: 'Wants a demo', network: 'LinkedIn', url: 'https://www.linkedin.com/feed/update/1' })
    const complaint = await conv()
    const refused = await fails('handoff-create', { conversationId: complaint.id, lastName: 'Doe', company: 'Acme' })
    expect(refused.issues[0]?.message).toContain('Only a lead')
    await ok('handoff-create', { conversationId: lead.id, firstName: 'Sam', lastName: 'Doe', company: 'Acme', email: 'sam@acme.io', goalId: goal })
    await ok('handoff-create', { conversationId: lead.id, firstName: 'Kim', lastName: 'Lee', company: 'Acme', goalId: goal })
    const m = b.db.all<{ value: number; source: string }>(sql`SELECT value, source FROM measurement WHERE goal_id = ${goal} AND deleted_at IS NULL`)
    expect(m).toEqual([{ value: 2, source: 'Listening desk hand-offs' }])
    const hub = await ok<{ csv: string; rows: number }>('handoff-export', { format: 'hubspot', markExported: true })
    expect(hub.rows).toBe(2)
    expect(hub.csv.split('\r\n')[1]).toContain('Sam,Doe,sam@acme.io,,Acme,,,lead,NEW,https://www.linkedin.com/feed/update/1,https://www.linkedin.com/feed/update/1?utm_source=linkedin&utm_medium=social&utm_campaign=social-listening')
    const sf = await ok<{ csv: string }>('handoff-export', { format: 'salesforce', outcome: 'open' })
    expect(sf.csv.split('\r\n')[0]?.startsWith('FirstName,LastName,Email')).toBe(true)
  })

  it('shows my breached conversations first in My work and notifies me of an escalation to me', async () => {
    await ok('escalation-ladder-create', { type: 'complaint', steps: [{ level: 1, expertId: leoExpert, afterHours: 4 }] })
    const late = await conv({ assigneeId: community, state: 'assigned', summary: 'Late one' })
    await conv({ assigneeId: leoExpert, state: 'assigned', summary: 'Fresh one', occurredAt: '2026-02-09T10:00:00Z' })
    clock = Date.parse('2026-02-09T10:30:00Z')
    await ok('desk-scan', {})
    actAs(b, leo)
    const mine = await ok<{ conversations: { summary: string; breached: boolean; aboutToBreach: boolean; status: string; escalationLevel: number }[] }>('mine-get', {})
    expect(mine.conversations.map((c) => [c.summary, c.breached, c.escalationLevel, c.status])).toEqual([['Late one', true, 1, 'assigned'], ['Fresh one', false, 0, 'assigned']])
    const bell = await ok<{ items: { kind: string; title: string; text: string; recordId: string }[] }>('notification-list', {})
    expect(bell.items.filter((n) => n.kind === 'escalation')).toEqual([
      expect.objectContaining({ title: 'Escalated to you (level 1)', recordId: late.id, text: '"Late one" automatically: Response target breached' })
    ])
  })
})
