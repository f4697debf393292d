import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// Issue #13 item 1: an approval belongs to the content it approved, on every local write path.
let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-03-20T10:00:00Z')
let owner: string
let approver: string
let other: string
let channel: string
let channel2: string
const full = { brand_voice: true, claims_checked: true, disclosure: true, accessibility: true, links_tracked: true }

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => clock))
  owner = (await ok('member-create', { name: 'Olivia Owner' })).id
  approver = (await ok('member-create', { name: 'Aaron Approver' })).id
  other = (await ok('member-create', { name: 'Petra Peer' })).id
  channel = (await ok('channel-create', { name: 'Blog', platform: 'blog' })).id
  channel2 = (await ok('channel-create', { name: 'LinkedIn', platform: 'linkedin' })).id
})
afterEach(() => cleanup())

const { ok, fails } = dispatchCalls(() => b)
const get = (id: string) => ok<Record<string, unknown>>('content-get', { id })
const changeCount = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_record`)?.n ?? -1

/** An item approved by Aaron, owned by Olivia, on the blog, with a publish time. */
async function approvedItem(status: 'approved' | 'scheduled' = 'approved'): Promise<string> {
  const r = await ok<{ item: { id: string } }>('calendar-create', {
    values: { title: 'Launch post', brief: 'What we ship', channelId: channel, ownerId: owner, plannedDate: '2026-03-23', publishAt: '2026-03-23T09:00:00Z', publishZone: 'Europe/Berlin', status: 'in_review', checklist: full }
  })
  await ok('calendar-update', { ids: [r.item.id], set: { status, approverId: approver } })
  expect((await get(r.item.id)).status).toBe(status)
  return r.item.id
}

describe('editing approved content sends it back to review', () => {
  it('an API update of the title (content-update) takes an approved item back to in review and clears the approval time', async () => {
    const id = await approvedItem()
    expect((await get(id)).approvedAt).not.toBeNull()
    await ok('content-update', { id, title: 'Launch post, rewritten' })
    const after = await get(id)
    expect([after.title, after.status, after.approvedAt]).toEqual(['Launch post, rewritten', 'in_review', null])
  })

  it.each([
    ['brief', { brief: 'Something else' }], ['channel', { channelId: 'CH2' }], ['tracking link', { trackingUrl: 'https://example.com/x' }],
    ['checklist answers', { checklist: { ...full, disclosure: false } }], ['publish time', { publishAt: '2026-03-23T11:00:00Z' }]
  ])('a calendar edit of the %s voids a scheduled item', async (_name, set) => {
    const id = await approvedItem('scheduled')
    const patch = 'channelId' in set ? { channelId: channel2 } : set
    await ok('calendar-update', { ids: [id], set: patch })
    expect((await get(id)).status).toBe('in_review')
  })

  it('a drag to another day (shiftDays) and a bulk edit void every approved item they change', async () => {
    const a = await approvedItem()
    const c = await approvedItem('scheduled')
    await ok('calendar-update', { ids: [a], shiftDays: 2, label: 'move "Launch post"' })
    expect(await get(a)).toMatchObject({ status: 'in_review', plannedDate: '2026-03-25', approvedAt: null })
    const d = await approvedItem()
    await ok('calendar-update', { ids: [c, d], set: { channelId: channel2 } })
    for (const id of [c, d]) expect((await get(id)).status).toBe('in_review')
  })

  it('a CSV import that updates an existing approved item voids it too', async () => {
    const id = await approvedItem()
    const csv = `id,title\n${id},Imported title\n`
    await ok('import-apply', { kind: 'content', fileName: 'c.csv', text: csv, mapping: { id: 'id', title: 'title' }, updateById: true })
    expect(await get(id)).toMatchObject({ title: 'Imported title', status: 'in_review' })
  })

  it('editing planning fields (owner, pillar, effort, due date) keeps the approval as it was', async () => {
    const id = await approvedItem()
    const before = await get(id)
    await ok('calendar-update', { ids: [id], set: { ownerId: other, pillar: 'Product', effortHours: 3, dueDate: '2026-03-21' } })
    const after = await get(id)
    expect([after.status, after.approvedAt, after.approverId]).toEqual(['approved', before.approvedAt, approver])
  })

  it('undo of a voiding edit puts back the approval it took away', async () => {
    const id = await approvedItem()
    const before = await get(id)
    await ok('calendar-update', { ids: [id], set: { title: 'Changed' } })
    expect((await get(id)).status).toBe('in_review')
    await ok('history-undo', {})
    expect(await get(id)).toMatchObject({ title: 'Launch post', status: 'approved', approvedAt: before.approvedAt })
  })
})

describe('keep approval', () => {
  it('an approver with rights keeps it: still approved, re-signed in their name at the edit time, named in the change log', async () => {
    const id = await approvedItem()
    clock += 3_600_000
    await ok('calendar-update', { ids: [id], set: { title: 'Typo fixed' }, keepApprovalAs: other, label: 'edit "Typo fixed"' })
    const after = await get(id)
    expect(after).toMatchObject({ title: 'Typo fixed', status: 'approved', approverId: other, approvedAt: '2026-03-20T11:00:00Z' })
    const tx = b.db.get<{ label: string }>(sql`SELECT label FROM change_tx ORDER BY rowid DESC LIMIT 1`)
    expect(tx?.label).toBe('edit "Typo fixed" — approval kept by Petra Peer')
    await ok('content-update', { id, brief: 'Reworded', keepApprovalAs: approver })
    expect(await get(id)).toMatchObject({ status: 'approved', approverId: approver })
  })

  it('without approver rights (the owner, under four eyes) it is refused with the field named and nothing is written', async () => {
    const id = await approvedItem()
    const before = await get(id)
    const n = changeCount()
    const e = await fails('calendar-update', { ids: [id], set: { title: 'Sneaky rewrite' }, keepApprovalAs: owner })
    expect(e.code).toBe('rule_violation')
    expect(e.issues.map((i) => i.path[0])).toEqual(['keepApprovalAs'])
    expect(e.message).toContain('Olivia Owner owns this item')
    const e2 = await fails('content-update', { id, title: 'Sneaky rewrite', keepApprovalAs: owner })
    expect(e2.issues.map((i) => i.path[0])).toEqual(['keepApprovalAs'])
    expect(changeCount()).toBe(n)
    expect(await get(id)).toEqual(before)
  })

  it('is refused for an unknown member and when the edit leaves the checklist incomplete', async () => {
    const id = await approvedItem()
    const e = await fails('calendar-update', { ids: [id], set: { title: 'x' }, keepApprovalAs: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })
    expect(e.issues[0]).toMatchObject({ path: ['keepApprovalAs'], message: 'No member with id 01ARZ3NDEKTSV4RRFFQ69G5FAV can keep this approval' })
    const e2 = await fails('calendar-update', { ids: [id], set: { checklist: { ...full, disclosure: false } }, keepApprovalAs: approver })
    expect(e2.issues[0]?.path).toEqual(['keepApprovalAs'])
    expect((await get(id)).status).toBe('approved')
  })
})
