import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InboxRow } from '../../../src/core/api/methods/deskMethods'
import type { Backend } from '../../../src/main/backend/backend'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// Waiting for the author pauses the clocks (issue #16), through the real dispatch on a real SQLite file.
// Monday 9 Feb 2026, 09:00 Berlin = 08:00Z; complaint/high: 2 business hours to answer, 8 to resolve.
let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-02-09T09:00:00Z')
const { ok } = dispatchCalls(() => b)
let support: string
let community: string
type Inbox = { items: InboxRow[]; total: number; counts: { overdue: number; aboutToBreach: number } }

beforeEach(async () => {
  clock = Date.parse('2026-02-09T09:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
  actAs(b, (await ok('member-create', { name: 'Hannah Vogel', access: 'owner' })).id)
  support = (await ok('expert-create', { name: 'Support lead', team: 'Support' })).id
  community = (await ok('expert-create', { name: 'Jonas Community', team: 'Marketing' })).id
  await ok('desk-settings-set', { timeZone: 'Europe/Berlin', targets: [{ type: 'complaint', priority: 'high', firstResponseHours: 2, resolutionHours: 8 }] })
  await ok('escalation-ladder-create', { type: 'complaint', steps: [{ level: 1, expertId: support, afterHours: 2 }] })
})
afterEach(() => cleanup())

describe('waiting for the author', () => {
  it('pauses the clocks: no escalation, nothing overdue, and the due time moves out by the business time waited', async () => {
    const c = await ok<InboxRow>('conversation-create', {
      occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice', type: 'complaint', priority: 'high', assigneeId: community, state: 'assigned'
    })
    // Answered at 10:00 Berlin, waiting for Sam from then on.
    let row = await ok<InboxRow>('conversation-respond', { id: c.id, replyText: 'Which invoice?', waitForAuthor: true })
    expect([row.state, row.waitingSince, row.nextDueAt, row.resolutionDueAt]).toEqual(['waiting', '2026-02-09T09:00:00.000Z', null, null])

    // Without the pause the resolution was due Monday 16:00Z: a scan the next evening escalates nothing.
    let scan = await ok<{ checked: number; escalated: unknown[] }>('desk-scan', { now: '2026-02-10T19:00:00Z' })
    expect(scan.escalated).toEqual([])
    const overdue = await ok<Inbox>('inbox-list', { overdue: true, now: '2026-02-10T19:00:00Z' })
    expect([overdue.total, overdue.counts.overdue]).toEqual([0, 0])
    expect((await ok<InboxRow>('inbox-get', { id: c.id, now: '2026-02-10T19:00:00Z' })).breached).toBe(false)

    // Sam answers Tuesday 10:00 Berlin: 8 business hours waited (Monday 10–17, Tuesday 9–10). 1 hour had
    // run, 7 are left from Tuesday 10:00 → Tuesday 17:00 Berlin = 16:00Z.
    clock = Date.parse('2026-02-10T09:00:00Z')
    row = await ok<InboxRow>('conversation-update', { id: c.id, state: 'assigned' })
    expect(row.waitingSince).toBeNull()
    expect(row.waits).toEqual([{ from: '2026-02-09T09:00:00.000Z', to: '2026-02-10T09:00:00.000Z' }])
    row = await ok<InboxRow>('inbox-get', { id: c.id })
    expect([row.resolutionDueAt, row.nextDueAt]).toEqual(['2026-02-10T16:00:00.000Z', '2026-02-10T16:00:00.000Z'])

    scan = await ok('desk-scan', { now: '2026-02-10T15:59:00Z' })
    expect(scan.escalated).toEqual([])
    scan = await ok('desk-scan', { now: '2026-02-10T16:05:00Z' })
    expect(scan.escalated).toEqual([expect.objectContaining({ conversationId: c.id, level: 1, reason: 'Response target breached' })])
    // Stamped at the breach itself, so every computer's scan writes the same entry.
    expect((await ok<InboxRow>('inbox-get', { id: c.id })).escalations[0]?.at).toBe('2026-02-10T16:00:00.000Z')
  })

  it('leaves the time spent waiting out of the dashboard medians, as it does out of the due times', async () => {
    const c = await ok<InboxRow>('conversation-create', {
      occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice', type: 'complaint', priority: 'high', assigneeId: community, state: 'assigned'
    })
    await ok('conversation-respond', { id: c.id, replyText: 'Which invoice?', waitForAuthor: true })
    // Sam answers a day later; the team resolves it two hours after that: 27 hours on the wall clock,
    // 3 of them the team's (1 to the first answer, 2 after the wait).
    clock = Date.parse('2026-02-10T09:00:00Z')
    await ok('conversation-update', { id: c.id, state: 'assigned' })
    clock = Date.parse('2026-02-10T11:00:00Z')
    await ok('conversation-resolve', { id: c.id, resolution: 'Refunded the second charge' })
    const stats = await ok<{ firstResponse: { medianHours: number | null }; resolution: { medianHours: number | null } }>('desk-stats', { from: '2026-02-01', to: '2026-02-28' })
    expect(stats.firstResponse.medianHours).toBeCloseTo(1, 6)
    expect(stats.resolution.medianHours).toBeCloseTo(3, 6)
  })

  it('a conversation resolved from its form stops its clock like the Resolve action; reopening starts it again', async () => {
    const c = await ok<InboxRow>('conversation-create', {
      occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice', type: 'complaint', priority: 'high', assigneeId: community, state: 'assigned'
    })
    clock = Date.parse('2026-02-09T10:00:00Z')
    let row = await ok<InboxRow>('conversation-update', { id: c.id, state: 'resolved', resolution: 'Refunded' })
    expect([row.resolvedAt, row.firstResponseAt]).toEqual(['2026-02-09T10:00:00.000Z', '2026-02-09T10:00:00.000Z'])
    // A week later it is still resolved in time, not breached.
    expect((await ok<InboxRow>('inbox-get', { id: c.id, now: '2026-02-16T10:00:00Z' })).breached).toBe(false)
    row = await ok<InboxRow>('conversation-update', { id: c.id, state: 'assigned' })
    expect(row.resolvedAt).toBeNull()
  })

  it('recomputes paused due times when the business hours change', async () => {
    const c = await ok<InboxRow>('conversation-create', {
      occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice', type: 'complaint', priority: 'high', assigneeId: community, state: 'waiting'
    })
    clock = Date.parse('2026-02-09T11:00:00Z')
    await ok('conversation-update', { id: c.id, state: 'assigned' })
    // Waited 10:00–12:00 Berlin: due 2 business hours after Monday 17:00 → Tuesday 11:00 Berlin.
    expect((await ok<InboxRow>('inbox-get', { id: c.id })).resolutionDueAt).toBe('2026-02-10T10:00:00.000Z')
    // Opening at 10:00: no business time ran before the wait began at 10:00; all 8 h from 12:00 → Tuesday 13:00 Berlin.
    const set = await ok<{ recomputed: number }>('desk-settings-set', {
      week: { mon: [{ start: '10:00', end: '17:00' }], tue: [{ start: '10:00', end: '17:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] }
    })
    expect(set.recomputed).toBe(1)
    expect((await ok<InboxRow>('inbox-get', { id: c.id })).resolutionDueAt).toBe('2026-02-10T12:00:00.000Z')
  })
})
