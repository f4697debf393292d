import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { sql } from '../../../src/main/backend/db/sql'
import { tempBackend } from '../helpers/tempWorkspace'
import { calendarCells, type CalendarCells } from '../../../src/core/calendar/calendarCells'

let b: Backend
let cleanup: () => void
let owner: string
let other: string
let channel: string
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => Date.parse('2026-03-20T10:00:00Z')))
  owner = (await ok('member-create', { name: 'Olivia Owner' })).id
  other = (await ok('member-create', { name: 'Aaron Approver' })).id
  channel = (await ok('channel-create', { name: 'Blog', platform: 'blog', cadencePerWeek: 2 })).id
})
afterEach(() => cleanup())

const txCount = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n ?? -1

async function ok<T = { id: string }>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as T
}

async function item(values: Record<string, unknown> = {}): Promise<string> {
  const r = await ok<{ item: { id: string } }>('calendar-create', { values: { title: 'Launch post', channelId: channel, ownerId: owner, plannedDate: '2026-03-23', status: 'draft', ...values } })
  return r.item.id
}

const get = (id: string) => ok<Record<string, unknown>>('content-get', { id })
const fullChecklist = { brand_voice: true, claims_checked: true, disclosure: true, accessibility: true, links_tracked: true }

describe('calendar reads', () => {
  it('lists a month by planned date, with running campaigns, and filters by channel and text', async () => {
    await item()
    await item({ title: 'Outside', plannedDate: '2026-05-01' })
    await ok('campaign-create', { name: 'Spring', startDate: '2026-03-01', endDate: '2026-04-15' })
    const r = await ok<{ items: { title: string }[]; campaigns: { name: string }[] }>('calendar-range', { from: '2026-03-01', to: '2026-03-31' })
    expect(r.items.map((i) => i.title)).toEqual(['Launch post'])
    expect(r.campaigns.map((c) => c.name)).toEqual(['Spring'])
    const none = await ok<{ items: unknown[] }>('calendar-range', { from: '2026-03-01', to: '2026-03-31', filter: { q: 'nothing like it' } })
    expect(none.items).toHaveLength(0)
  })

  it('answers a whole view in one call: packed items, campaigns, clashes, week marks', async () => {
    await item({ plannedDate: '2026-03-23', publishAt: '2026-03-23T09:00:00Z', publishZone: 'Europe/Berlin' })
    await item({ plannedDate: '2026-03-23', publishAt: '2026-03-23T09:30:00Z', publishZone: 'Europe/Berlin' })
    await item({ title: 'Outside', plannedDate: '2026-05-01' })
    await ok('campaign-create', { name: 'Spring', startDate: '2026-03-01', endDate: '2026-04-15' })
    const m = await ok<{ cells: CalendarCells; campaigns: { name: string }[]; clashes: unknown[]; cadence: { weeks: string[] }; capacity: { rows: unknown[] } }>('calendar-month', { from: '2026-03-23', to: '2026-04-05', weekStart: 1 })
    const items = calendarCells.decode(m.cells)
    expect(items.map((i) => [i.title, i.channelId, i.ownerId, i.publishZone])).toEqual([['Launch post', channel, owner, 'Europe/Berlin'], ['Launch post', channel, owner, 'Europe/Berlin']])
    expect(m.cells.refs.length).toBeLessThan(5)
    expect(m.campaigns.map((c) => c.name)).toEqual(['Spring'])
    expect(m.clashes.length).toBeGreaterThan(0)
    expect(m.cadence.weeks).toEqual(['2026-03-23', '2026-03-30'])
    expect(m.capacity.rows.length).toBe(2)
  })

  it('refuses a range that ends before it starts, naming the field', async () => {
    const r = await dispatch(b, 'calendar-range', { from: '2026-03-31', to: '2026-03-01' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.issues[0]?.path).toEqual(['to'])
  })

  it('aggregates cadence per channel per week and capacity per member per week', async () => {
    await item({ plannedDate: '2026-03-23', effortHours: 3 })
    await item({ plannedDate: '2026-03-24', effortHours: 4 })
    await item({ plannedDate: '2026-03-31', effortHours: 40 })
    const cad = await ok<{ weeks: string[]; rows: { channelId: string; counts: number[]; target: number }[] }>('calendar-cadence', { from: '2026-03-23', to: '2026-04-05', weekStart: 1 })
    expect(cad.weeks).toEqual(['2026-03-23', '2026-03-30'])
    expect(cad.rows.find((r) => r.channelId === channel)).toMatchObject({ counts: [2, 1], target: 2 })
    const cap = await ok<{ rows: { memberId: string; hours: number[]; capacity: number }[] }>('calendar-capacity', { from: '2026-03-23', to: '2026-04-05', weekStart: 1 })
    expect(cap.rows.find((r) => r.memberId === owner)).toMatchObject({ hours: [7, 40], capacity: 32 })
  })

  it('finds clashes on a channel within the policy window and duplicate titles in a week', async () => {
    await item({ title: 'A', publishAt: '2026-03-23T09:00:00Z', publishZone: 'Europe/Berlin' })
    await item({ title: 'B', publishAt: '2026-03-23T10:00:00Z', publishZone: 'Europe/Berlin' })
    await item({ title: 'B', plannedDate: '2026-03-26' })
    const r = await ok<{ clashes: { kind: string }[] }>('calendar-clashes', { from: '2026-03-01', to: '2026-03-31' })
    expect(r.clashes.map((c) => c.kind).sort()).toEqual(['channel_window', 'same_title'])
  })
})

describe('approval gate', () => {
  it('refuses approval without the checklist or with the owner as approver, and writes nothing', async () => {
    const id = await item()
    const before = txCount()
    const r = await dispatch(b, 'calendar-update', { ids: [id], set: { status: 'approved', approverId: owner } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('rule_violation')
      expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(['approverId', 'checklist'])
      expect(r.error.message).toMatch(/checklist is not complete/)
      expect(r.error.message).toMatch(/someone other than/)
    }
    // The generic update path is guarded by the same kind rule.
    const generic = await dispatch(b, 'content-update', { id, status: 'approved' })
    expect(generic.ok).toBe(false)
    expect(txCount()).toBe(before)
    expect((await get(id)).status).toBe('draft')
  })

  it('approves with the checklist and another approver, stamping the time in the backend', async () => {
    const id = await item()
    await ok('calendar-update', { ids: [id], set: { status: 'approved', approverId: other, checklist: fullChecklist, approvedAt: '2001-01-01T00:00:00Z' } })
    const rec = await get(id)
    expect(rec).toMatchObject({ status: 'approved', approverId: other, approvedAt: '2026-03-20T10:00:00Z' })
    const forged = await dispatch(b, 'content-update', { id, approvedAt: '2020-01-01T00:00:00Z' })
    expect(forged.ok).toBe(false)
  })

  it('follows the workspace policy checklist', async () => {
    await ok('calendar-policy-set', { checklist: [{ id: 'legal', label: 'Legal signed off' }] })
    const id = await item()
    const r = await dispatch(b, 'calendar-update', { ids: [id], set: { status: 'approved', approverId: other, checklist: fullChecklist } })
    expect(!r.ok && r.error.message).toMatch(/Legal signed off/)
    await ok('calendar-update', { ids: [id], set: { status: 'approved', approverId: other, checklist: { legal: true } } })
  })

  it('locks the date of a published item', async () => {
    const id = await item({ status: 'published' })
    const r = await dispatch(b, 'calendar-update', { ids: [id], shiftDays: 2 })
    expect(!r.ok && r.error.issues[0]?.path).toEqual(['plannedDate'])
  })
})

describe('bulk edits, recurrence and undo', () => {
  it('moves several items in one transaction and undoes and redoes them as one step', async () => {
    const a = await item({ publishAt: '2026-03-23T08:00:00Z', publishZone: 'Europe/Berlin' })
    const c = await item({ plannedDate: '2026-03-24', dueDate: '2026-03-20' })
    const before = txCount()
    const r = await ok<{ tx: string; count: number }>('calendar-update', { ids: [a, c], shiftDays: 7 })
    expect(r.count).toBe(2)
    expect(txCount()).toBe(before + 1)
    // Berlin moves from CET to CEST on 29 March: 09:00 local stays 09:00 local, so the instant moves.
    expect(await get(a)).toMatchObject({ plannedDate: '2026-03-30', publishAt: '2026-03-30T07:00:00Z' })
    expect(await get(c)).toMatchObject({ plannedDate: '2026-03-31', dueDate: '2026-03-27' })
    const undone = await ok<{ state: { undo: unknown[]; redo: unknown[] } }>('history-undo', {})
    expect(undone.state.redo).toHaveLength(1)
    expect(await get(a)).toMatchObject({ plannedDate: '2026-03-23', publishAt: '2026-03-23T08:00:00Z' })
    expect(await get(c)).toMatchObject({ plannedDate: '2026-03-24', dueDate: '2026-03-20' })
    await ok('history-redo', {})
    expect((await get(c)).plannedDate).toBe('2026-03-31')
  })

  it('moves nothing when one item of a bulk move breaks a rule', async () => {
    const a = await item()
    const p = await item({ status: 'published' })
    const before = txCount()
    const r = await dispatch(b, 'calendar-update', { ids: [a, p], shiftDays: 1 })
    expect(r.ok).toBe(false)
    expect(txCount()).toBe(before)
    expect((await get(a)).plannedDate).toBe('2026-03-23')
  })

  it('gives field-level errors for unknown owners, channels and zones, writing nothing', async () => {
    const a = await item()
    const before = txCount()
    const bad = await dispatch(b, 'calendar-update', { ids: [a], set: { ownerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', channelId: '01ARZ3NDEKTSV4RRFFQ69G5FAW' } })
    expect(!bad.ok && bad.error.issues.map((i) => i.path[0]).sort()).toEqual(['channelId', 'ownerId'])
    const zone = await dispatch(b, 'calendar-update', { ids: [a], set: { publishAt: '2026-03-23T08:00:00Z', publishZone: 'Mars/Olympus' } })
    expect(!zone.ok && zone.error.issues.map((i) => i.path.join('.'))).toContain('set.publishZone')
    const date = await dispatch(b, 'calendar-create', { values: { title: 'x', plannedDate: '2026-02-30' } })
    expect(!date.ok && date.error.issues[0]?.path.join('.')).toBe('values.plannedDate')
    expect(txCount()).toBe(before)
  })

  it('creates a weekly series keeping wall-clock time across DST, edits the series, and undoes creation', async () => {
    const a = await item({ publishAt: '2026-03-16T08:00:00Z', publishZone: 'Europe/Berlin', plannedDate: '2026-03-16' })
    await ok('calendar-repeat', { id: a, rule: { freq: 'weekly', interval: 1, count: 3 } })
    const all = await ok<{ items: { plannedDate: string; publishAt: string; seriesId: string }[] }>('calendar-range', { from: '2026-03-01', to: '2026-04-30' })
    expect(all.items.map((i) => i.publishAt).sort()).toEqual(['2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z'])
    expect(new Set(all.items.map((i) => i.seriesId))).toEqual(new Set([a]))
    await ok('calendar-update', { ids: [a], set: { title: 'Weekly tip' }, scope: 'series' })
    const titles = await ok<{ items: { title: string }[] }>('calendar-range', { from: '2026-03-01', to: '2026-04-30' })
    expect(titles.items.every((i) => i.title === 'Weekly tip')).toBe(true)
    await ok('history-undo', {})
    await ok('history-undo', {})
    const left = await ok<{ items: unknown[] }>('calendar-range', { from: '2026-03-01', to: '2026-04-30' })
    expect(left.items).toHaveLength(1)
  })

  it('refuses to undo over a newer change to the same field', async () => {
    const a = await item()
    await ok('calendar-update', { ids: [a], shiftDays: 1 })
    await ok('content-update', { id: a, plannedDate: '2026-04-01' })
    const r = await dispatch(b, 'history-undo', {})
    expect(!r.ok && r.error.code).toBe('conflict')
    expect((await get(a)).plannedDate).toBe('2026-04-01')
  })
})

describe('ics export', () => {
  it('writes one VEVENT per dated item with a stable UID', async () => {
    const a = await item({ title: 'Hello, world; again', brief: 'Line one\nLine two', publishAt: '2026-03-23T08:00:00Z', publishZone: 'Europe/Berlin' })
    await item({ title: 'Undated', plannedDate: null })
    const one = await ok<{ text: string; count: number }>('calendar-ics', {})
    const two = await ok<{ text: string; count: number }>('calendar-ics', {})
    expect(one.count).toBe(2 - 1)
    expect(one.text).toContain(`UID:${a}@smo-desk`)
    expect(one.text).toContain('SUMMARY:[Blog] Hello\\, world\\; again')
    expect(one.text).toContain('DTSTART:20260323T080000Z')
    expect(two.text).toBe(one.text)
  })
})
