import { describe, expect, it } from 'vitest'
import { chainCircle, ladderCircle } from '../../../src/core/listening/escalationCircle'
import { proposeRoute, type RouteRule } from '../../../src/core/listening/proposeRoute'
import { businessCalendar } from '../../../src/core/listening/businessCalendar'
import { escalationDue, nextStep } from '../../../src/core/listening/nextEscalation'
import { insertAnswer, isStale, rankAnswers } from '../../../src/core/listening/answers'
import { crmCsv } from '../../../src/core/listening/crmCsv'
import { defaultDeskPolicy } from '../../../src/core/domain/deskPolicy'

const rule = (r: Partial<RouteRule> & Pick<RouteRule, 'id' | 'position' | 'assigneeId'>): RouteRule => ({
  name: `Rule ${r.position}`, types: [], topics: [], sentiments: [], keywords: [], authors: [], channelIds: [], networks: [], priority: null, active: true, ...r
})
const experts = new Map([
  ['S', { id: 'S', name: 'Support lead', active: true, availability: 'available' }],
  ['E', { id: 'E', name: 'Engineer', active: true, availability: 'available' }],
  ['L', { id: 'L', name: 'Legal', active: false, availability: 'available' }],
  ['C', { id: 'C', name: 'Community', active: true, availability: 'available' }]
])

describe('routing rules', () => {
  const rules = [
    rule({ id: 'r9', position: 9, assigneeId: 'C' }),
    rule({ id: 'r4', position: 4, assigneeId: 'S', types: ['complaint'], topics: ['Billing'], priority: 'high' }),
    rule({ id: 'r2', position: 2, assigneeId: 'L', types: ['complaint'] }),
    rule({ id: 'r5', position: 5, assigneeId: 'E', keywords: ['outage', 'API'] })
  ]

  it('proposes the first matching rule’s expert with the reason', () => {
    const p = proposeRoute({ type: 'complaint', topic: 'billing', summary: 'Charged twice' }, rules, experts)
    expect(p).toMatchObject({ assigneeId: 'S', ruleId: 'r4', rulePosition: 4, priority: 'high' })
    expect(p?.reason).toBe('complaint + topic billing → Support lead, rule 4')
  })

  it('passes over a rule whose expert has left, and falls through to a catch-all', () => {
    expect(proposeRoute({ type: 'question', summary: 'Is the API down?' }, rules, experts)?.reason).toBe('mentions “API” → Engineer, rule 5')
    expect(proposeRoute({ type: 'praise', summary: 'Love it' }, rules, experts)?.reason).toBe('any conversation → Community, rule 9')
    expect(proposeRoute({ type: 'praise' }, rules.filter((r) => r.id !== 'r9'), experts)).toBeNull()
  })
})

describe('escalation circles and steps', () => {
  const name = (id: string) => ({ A: 'Ana', B: 'Ben', C: 'Cem' })[id] ?? id

  it('names the circle in a ladder and in “escalates to” chains', () => {
    expect(ladderCircle([{ level: 1, expertId: 'A' }, { level: 2, expertId: 'B' }, { level: 3, expertId: 'A' }], name)).toEqual(['Ana', 'Ben', 'Ana'])
    expect(ladderCircle([{ level: 1, expertId: 'A' }, { level: 2, expertId: 'B' }], name)).toBeNull()
    const to: Record<string, string | null> = { A: 'B', B: 'A', C: 'A' }
    expect(chainCircle('A', (x) => to[x] ?? null, name)).toEqual(['Ana', 'Ben', 'Ana'])
    expect(chainCircle('C', (x) => ({ C: 'A', A: null })[x] ?? null, name)).toBeNull()
  })

  const ladder = { type: 'complaint', steps: [{ level: 1, expertId: 'S', afterHours: 4 }, { level: 2, expertId: 'E', afterHours: 8 }] }
  const cal = businessCalendar(defaultDeskPolicy, Date.parse('2026-02-01T00:00:00Z'), Date.parse('2026-03-01T00:00:00Z'), 30)
  const c = { type: 'complaint', state: 'assigned', assigneeId: 'C', escalationLevel: 0, escalations: [] as { at: string }[], nextDueAt: '2026-02-09T10:00:00.000Z' }

  it('escalates on breach, then after the level’s time limit, and stops at the top', () => {
    expect(escalationDue(c, ladder, Date.parse('2026-02-09T09:00:00Z'), cal)).toBeNull()
    expect(escalationDue(c, ladder, Date.parse('2026-02-09T10:01:00Z'), cal)).toBe('Response target breached')
    expect(nextStep(c, ladder, () => null)).toEqual({ level: 1, toId: 'S' })
    const at1 = { ...c, escalationLevel: 1, escalations: [{ at: '2026-02-09T10:01:00Z' }] }
    expect(escalationDue(at1, ladder, Date.parse('2026-02-09T13:00:00Z'), cal)).toBeNull()
    expect(escalationDue(at1, ladder, Date.parse('2026-02-09T15:02:00Z'), cal)).toContain('within 4 business hours at level 1')
    expect(nextStep(at1, ladder, () => null)).toEqual({ level: 2, toId: 'E' })
    expect(nextStep({ ...c, escalationLevel: 2 }, ladder, () => null)).toBeNull()
    // Without a ladder, the assignee’s "escalates to".
    expect(nextStep(c, null, (id) => (id === 'C' ? 'S' : null))).toEqual({ level: 1, toId: 'S' })
  })
})

describe('approved answers and CRM files', () => {
  it('flags stale answers, ranks by topic, and inserts at the cursor with blank lines', () => {
    expect(isStale({ reviewBy: '2026-01-31' }, '2026-02-01')).toBe(true)
    const ranked = rankAnswers([
      { title: 'B', topic: 'pricing', language: 'en', reviewBy: '2025-01-01' },
      { title: 'A', topic: 'sso', language: 'en', reviewBy: '2027-01-01' },
      { title: 'C', topic: 'pricing', language: 'en', reviewBy: '2027-01-01' }
    ], 'Pricing', 'en', '2026-02-01')
    expect(ranked.map((a) => a.title)).toEqual(['C', 'B', 'A'])
    expect(insertAnswer('Hi Sam,', 'Our plans are listed here.')).toBe('Hi Sam,\n\nOur plans are listed here.')
    expect(insertAnswer('Hi Sam,\nThanks, Jo', 'Answer.', 8)).toBe('Hi Sam,\n\nAnswer.\n\nThanks, Jo')
    expect(insertAnswer('', ' Answer. ')).toBe('Answer.')
  })

  it('writes HubSpot and Salesforce columns with the link, tracking and no formulas', () => {
    const lead = { firstName: 'Sam', lastName: '=cmd()', email: 'sam@acme.io', phone: '', company: 'Acme, Inc.', jobTitle: 'Data lead', country: 'DE', note: '', campaign: 'Q1 listening', conversationUrl: 'https://forum.example.com/t/1?ref=x#p2', source: 'LinkedIn', summary: 'Wants a demo', handedAt: '2026-02-01T10:00:00Z' }
    const hub = crmCsv('hubspot', [lead]).split('\r\n')
    expect(hub[0]).toBe('First Name,Last Name,Email,Phone Number,Company Name,Job Title,Country/Region,Lifecycle Stage,Lead Status,Conversation URL,Tracked URL,UTM Source,UTM Medium,UTM Campaign,Message')
    expect(hub[1]).toContain(`Sam,'=cmd(),sam@acme.io,,"Acme, Inc.",Data lead,DE,lead,NEW,https://forum.example.com/t/1?ref=x#p2,https://forum.example.com/t/1?ref=x&utm_source=linkedin&utm_medium=social&utm_campaign=q1-listening#p2,linkedin,social,q1-listening`)
    const sf = crmCsv('salesforce', [lead]).split('\r\n')
    expect(sf[0]).toBe('FirstName,LastName,Email,Phone,Company,Title,Country,LeadSource,Status,Description,Conversation_URL__c,UTM_Source__c,UTM_Medium__c,UTM_Campaign__c')
    expect(sf[1]).toContain('Social Media,Open - Not Contacted,"Wants a demo')
  })
})
