import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InboxRow } from '../../../src/core/api/methods/deskMethods'
import type { DeskStats } from '../../../src/core/listening/statsTypes'
import type { DeckModel } from '../../../src/core/deck/deckModel'
import type { Backend } from '../../../src/main/backend/backend'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// Issue #16 "Numbers": desk-stats and the deck's desk slides through the real dispatch on a real
// SQLite file. Monday 9 Feb 2026, 10:00 Berlin; business hours Mon–Fri 9–17 Berlin (the default).
let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-02-09T09:00:00Z')
const { ok, fails } = dispatchCalls(() => b)
let support: string

const conv = (extra: Record<string, unknown> = {}) =>
  ok<InboxRow>('conversation-create', { occurredAt: '2026-02-09T08:00:00Z', author: 'Sam (Acme)', summary: 'Charged twice', type: 'complaint', priority: 'high', topic: 'billing', ...extra })

beforeEach(async () => {
  clock = Date.parse('2026-02-09T09:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
  actAs(b, (await ok('member-create', { name: 'Hannah Vogel', access: 'owner' })).id)
  support = (await ok('expert-create', { name: 'Support lead', team: 'Support' })).id
  await ok('desk-settings-set', { targets: [{ type: 'complaint', priority: 'high', firstResponseHours: 2, resolutionHours: 8 }, { type: 'question', priority: 'normal', firstResponseHours: 4, resolutionHours: 16 }] })
})
afterEach(() => cleanup())

describe('desk-stats', () => {
  it('counts the quarter so far: medians, the share answered by its due time, escalations by team', async () => {
    const fast = await conv()
    const slow = await conv({ summary: 'Still charged twice', occurredAt: '2026-02-09T08:30:00Z' })
    await conv({ type: 'question', priority: 'normal', topic: 'sso', sentiment: 'positive', summary: 'Does SSO work on-prem?' })
    await ok('conversation-assign', { id: fast.id, assigneeId: support })
    await ok('conversation-assign', { id: slow.id, assigneeId: support })
    // One answered at 10:00 (due 11:00 Berlin = 10:00 UTC: in time), one at 14:00 UTC (late).
    clock = Date.parse('2026-02-09T10:00:00Z')
    await ok('conversation-respond', { id: fast.id, replyText: 'Refunded.' })
    clock = Date.parse('2026-02-09T14:00:00Z')
    await ok('conversation-respond', { id: slow.id, replyText: 'Refunded too.' })
    await ok('conversation-escalate', { id: slow.id, reason: 'Customer is angry' }).catch(() => undefined)

    const s = await ok<DeskStats>('desk-stats', { quarter: '2026-Q1' })
    expect(s.from).toBe('2026-01-01')
    expect(s.to).toBe('2026-02-09')
    expect(s.total).toBe(3)
    expect(s.firstResponse.stopped).toBe(2)
    expect(s.firstResponse.withTarget).toBe(2)
    expect(s.firstResponse.withinTarget).toBe(1)
    expect(s.firstResponse.medianHours).toBeCloseTo((2 + 5.5) / 2, 5)
    expect(s.byType.map((t) => [t.type, t.count])).toEqual([
      ['complaint', 2],
      ['question', 1]
    ])
    expect(s.topics.map((t) => t.name)).toEqual(['billing', 'sso'])
    expect(s.escalations).toBe(s.escalationsByTeam.reduce((n, t) => n + t.count, 0))
  })

  it('refuses a malformed quarter and a period that ends before it starts, naming the field', async () => {
    const q = await fails('desk-stats', { quarter: '2026-Q5' })
    expect(q.issues[0]?.path).toEqual(['quarter'])
    const p = await fails('desk-stats', { from: '2026-03-01', to: '2026-02-01' })
    expect(p.issues[0]?.path).toEqual(['to'])
  })

  it('puts the desk slides in the quarterly deck, with the target at normal priority', async () => {
    await conv({ type: 'question', priority: 'normal' })
    const deck = await ok<DeckModel>('deck-preview', { quarter: '2026-Q1' })
    const keys = deck.slides.map((s) => s.key)
    expect(keys).toEqual(expect.arrayContaining(['desk-response', 'desk-volume', 'desk-escalations']))
    const response = deck.slides.find((s) => s.key === 'desk-response')
    expect(response?.blocks.some((x) => x.kind === 'chart')).toBe(true)
    const text = response?.blocks.find((x) => x.kind === 'text')
    expect(text?.kind === 'text' && text.lines.map((l) => l.text)).toContain('Question: – (target 4 business h)')
  })
})
