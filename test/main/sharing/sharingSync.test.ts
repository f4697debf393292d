/**
 * Comments, templates and tasks are team records: they travel through the sync folder like every
 * other kind, and a task moved on one computer by its item's date is moved on the other too.
 */
import { actAs } from '../../../src/main/backend/people/currentMember'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { syncedWorkspaces } from '../helpers/syncedWorkspaces'

const { tempRoot, workspace } = syncedWorkspaces()
async function ok<T = { id: string }>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as T
}

describe('sharing over team sync', () => {
  it('carries comments with mentions, templates and tasks; tasks follow a date moved elsewhere', async () => {
    const root = tempRoot('smo-sharing-sync-')
    const folder = join(root, 'Dropbox')
    mkdirSync(folder)
    const a = await workspace(root, 'a')
    const hannah = (await ok(a, 'member-create', { name: 'Hannah Vogel', access: 'owner' })).id
    actAs(a, hannah)
    const tom = (await ok(a, 'member-create', { name: 'Tom Ellery', access: 'approver' })).id
    const item = (await ok(a, 'content-create', { title: 'Launch post', ownerId: hannah, plannedDate: '2026-03-20' })).id
    syncSetup(a, { mode: 'create', folder })
    const b = await workspace(root, 'b')
    syncSetup(b, { mode: 'join', folder })
    // Tom's computer: he is *me* there.
    actAs(b, tom)

    const c = await ok<{ id: string }>(a, 'comment-add', { targetKind: 'content', targetId: item, body: '@Tom Ellery have a look' })
    const tpl = (await ok(a, 'task-template-create', { name: 'Short', steps: [{ key: 'draft', title: 'Draft', offsetDays: -3, hours: 2, assigneeId: tom, assigneeRole: '', after: [], gatesApproval: true }] })).id
    await ok(a, 'task-template-apply', { templateId: tpl, contentId: item })
    syncNow(a)
    syncNow(b)

    const threads = await ok<{ threads: { id: string; mentions: string[]; authorId: string }[] }>(b, 'comment-list', { targetKind: 'content', targetId: item })
    expect(threads.threads.map((x) => [x.id, x.mentions, x.authorId])).toEqual([[c.id, [tom], hannah]])
    expect((await ok<{ tasks: { title: string; due: string }[] }>(b, 'task-for-item', { contentId: item })).tasks.map((x) => [x.title, x.due])).toEqual([['Draft', '2026-03-17']])

    // B moves the item; A's copy of the task follows once the move arrives.
    await ok(b, 'content-update', { id: item, plannedDate: '2026-03-27' })
    syncNow(b)
    syncNow(a)
    expect((await ok<{ tasks: { due: string }[] }>(a, 'task-for-item', { contentId: item })).tasks[0]?.due).toBe('2026-03-24')
  })
})
