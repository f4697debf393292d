import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../src/core/api/methods/peopleMethods'
import { historyText } from '../../../src/core/people/historyText'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import { tempBackend } from '../helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-03-02T09:00:00Z')
const call = async (method: string, input: unknown) => {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as Record<string, unknown>
}

beforeEach(async () => {
  registerCalendarRules()
  clock = Date.parse('2026-03-02T09:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
})
afterEach(() => cleanup())

describe('record history', () => {
  it('lists every change newest first with who, when, field, from and to', async () => {
    const dana = String((await call('member-create', { name: 'Dana Fox', access: 'owner' })).id)
    actAs(b, dana)
    const item = await call('content-create', { title: 'Launch', plannedDate: '2026-03-03' })
    clock += 60_000
    await call('content-update', { id: item.id, plannedDate: '2026-03-05' })
    clock += 60_000
    await call('content-update', { id: item.id, title: 'Launch day' })
    const h = await call('record-history', { id: item.id })
    const items = h.items as HistoryEntry[]
    expect(items.map((e) => [e.field, e.from, e.to])).toEqual([
      ['title', 'Launch', 'Launch day'],
      ['plannedDate', '2026-03-03', '2026-03-05'],
      ['created', null, expect.objectContaining({ title: 'Launch' })]
    ])
    expect(items.every((e) => e.member === 'Dana Fox')).toBe(true)
    expect(items.map((e) => e.at)).toEqual(['2026-03-02T09:02:00.000Z', '2026-03-02T09:01:00.000Z', '2026-03-02T09:00:00.000Z'])
    expect(historyText(items[1] ?? { member: null, field: '', from: null, to: null })).toBe('Dana Fox moved the planned date from 3 to 5 March')
    expect(historyText({ member: null, field: 'status', from: 'draft', to: 'in_review' })).toBe('Someone changed the status from Draft to In review')
  })

  it('says where an imported record came from: a CSV import and a JSON load name their file', async () => {
    const dana = String((await call('member-create', { name: 'Dana Fox', access: 'owner' })).id)
    actAs(b, dana)
    await call('import-apply', { kind: 'content', fileName: 'plan.csv', text: 'Title,Date\nFrom the sheet,2026-03-04\n' })
    const page = await call('content-list', { where: [{ field: 'title', op: 'eq', value: 'From the sheet' }] })
    const id = String((page.items as { id: string }[])[0]?.id)
    const created = ((await call('record-history', { id })).items as HistoryEntry[]).find((e) => e.field === 'created')
    expect(created?.label).toBe('import plan.csv')
    expect(historyText(created ?? { member: null, field: '', from: null, to: null })).toBe('Dana Fox imported it from plan.csv')
    // Any other creation still reads as one.
    expect(historyText({ member: 'Dana Fox', field: 'created', from: null, to: {}, label: 'Create item' })).toBe('Dana Fox created it')
  })

  it('refuses an unknown id with not_found', async () => {
    const r = await dispatch(b, 'record-history', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })
    expect(r.ok ? null : r.error.code).toBe('not_found')
  })
})

describe('my work', () => {
  it('has the seven sections for me: due this week, overdue, approvals, tasks, conversations, influencers, mentions', async () => {
    const olga = String((await call('member-create', { name: 'Olga', access: 'owner' })).id)
    actAs(b, olga)
    await call('calendar-policy-set', { checklist: [] })
    const cora = String((await call('member-create', { name: 'Cora', access: 'contributor' })).id)
    // Monday 2 March 2026: this week runs to Sunday the 8th.
    await call('content-create', { title: 'Due Friday', ownerId: olga, dueDate: '2026-03-06' })
    await call('content-create', { title: 'Late', ownerId: olga, plannedDate: '2026-02-27' })
    await call('content-create', { title: 'Next week', ownerId: olga, dueDate: '2026-03-09' })
    await call('content-create', { title: 'Published late', ownerId: olga, plannedDate: '2026-02-20', status: 'published' })
    await call('content-create', { title: 'Review me', ownerId: cora, status: 'in_review' })
    await call('content-create', { title: 'My own review', ownerId: olga, status: 'in_review' })
    await call('influencer-create', { name: 'Ada', ownerId: olga, nextAction: 'Send the draft', nextActionDate: '2026-03-04' })
    // Conversations are assigned to experts; Olga answers under an expert record with her member id.
    const olgaExpert = (await call('expert-create', { name: 'Olga', memberId: olga })) as { id: string }
    await call('conversation-create', { occurredAt: '2026-03-01T10:00:00Z', author: 'Sam', summary: 'Pricing question', type: 'question', assigneeId: olgaExpert.id, assignedAt: '2026-03-01T11:00:00Z', state: 'assigned' })
    const mine = await call('mine-get', {})
    expect(Object.keys(mine).sort()).toEqual(['approvals', 'conversations', 'dueThisWeek', 'influencers', 'me', 'mentions', 'overdue', 'tasks', 'today', 'weekEnd'])
    const titles = (k: string) => (mine[k] as { title?: string; name?: string; summary?: string }[]).map((r) => r.title ?? r.name ?? r.summary)
    expect(titles('dueThisWeek')).toEqual(['Due Friday'])
    expect(titles('overdue')).toEqual(['Late'])
    expect(titles('approvals')).toEqual(['Review me'])
    expect(titles('influencers')).toEqual(['Ada'])
    expect(titles('conversations')).toEqual(['Pricing question'])
    expect(mine.tasks).toEqual([])
    expect(mine.mentions).toEqual([])
    // A contributor approves nothing, so nothing waits on them.
    actAs(b, cora)
    expect((await call('mine-get', {})).approvals).toEqual([])
  })
})
