import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { mentionsFor } from '../../../src/main/backend/services/mentionsFor'
import { watchNotifications } from '../../../src/main/backend/services/notificationWatch'
import { tasksFor } from '../../../src/main/backend/services/tasksFor'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'
import { actAs as actAsMember } from '../../../src/main/backend/people/currentMember'

// Issue #14 items 5–7 through the real dispatch on a real SQLite file.
let b: Backend
let cleanup: () => void
let clock = Date.parse('2026-03-10T09:00:00Z')
let hannah: string
let tom: string
let dana: string
let item: string
const full = { brand_voice: true, claims_checked: true, disclosure: true, accessibility: true, links_tracked: true }

const { ok, fails } = dispatchCalls(() => b)
// Who this test computer acts as (people/currentMember.ts): the first owner, then teammates in turn.
const actAs = (id: string) => actAsMember(b, id)
const rows = (table: string) => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(table)}`)?.n ?? -1

beforeEach(async () => {
  clock = Date.parse('2026-03-10T09:00:00Z')
  ;({ b, cleanup } = await tempBackend(() => clock))
  hannah = (await ok('member-create', { name: 'Hannah Vogel', access: 'owner' })).id
  actAs(hannah)
  tom = (await ok('member-create', { name: 'Tom Ellery', access: 'approver' })).id
  dana = (await ok('member-create', { name: 'Dana Design', role: 'Designer', access: 'editor' })).id
  item = (await ok('content-create', { title: 'Launch post', ownerId: hannah, plannedDate: '2026-03-20', status: 'draft', checklist: full })).id
  actAs(hannah)
})
afterEach(() => cleanup())

describe('comments', () => {
  it('threads, mentions, edits by the author only, resolve and reopen', async () => {
    const root = await ok<{ id: string; mentions: string[]; authorId: string }>('comment-add', { targetKind: 'content', targetId: item, body: 'Can @Tom check the claims? cc @Nobody' })
    expect(root.authorId).toBe(hannah)
    expect(root.mentions).toEqual([tom])
    const reply = await ok<{ id: string; parentId: string }>('comment-add', { targetKind: 'content', targetId: item, parentId: root.id, body: 'On it' })
    // A reply to a reply joins the same thread.
    const nested = await ok<{ parentId: string }>('comment-add', { targetKind: 'content', targetId: item, parentId: reply.id, body: 'Thanks' })
    expect(nested.parentId).toBe(root.id)

    let list = await ok<{ threads: { id: string; replies: unknown[]; resolved: boolean }[]; open: number }>('comment-list', { targetKind: 'content', targetId: item })
    expect(list.threads).toHaveLength(1)
    expect(list.threads[0]?.replies).toHaveLength(2)
    expect(list.open).toBe(1)

    const edited = await ok<{ body: string; editedAt: string | null; mentions: string[] }>('comment-edit', { id: root.id, body: 'Can @Dana Design check the images?' })
    expect(edited.editedAt).not.toBeNull()
    expect(edited.mentions).toEqual([dana])

    actAs(tom)
    const refused = await fails('comment-edit', { id: root.id, body: 'mine now' })
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toContain('Only the author')
    // Resolving from a reply resolves the thread; anyone may.
    const resolved = await ok<{ id: string; resolved: boolean; resolvedById: string }>('comment-resolve', { id: reply.id, resolved: true })
    expect(resolved.id).toBe(root.id)
    expect(resolved.resolvedById).toBe(tom)
    list = await ok('comment-list', { targetKind: 'content', targetId: item })
    expect(list.open).toBe(0)
    await ok('comment-resolve', { id: root.id, resolved: false })
    list = await ok('comment-list', { targetKind: 'content', targetId: item })
    expect(list.threads[0]?.resolved).toBe(false)

    actAs(hannah)
    await ok('comment-delete', { id: root.id })
    list = await ok('comment-list', { targetKind: 'content', targetId: item })
    expect(list.threads).toHaveLength(0)
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comment WHERE deleted_at IS NULL`)?.n).toBe(0)
  })

  it('refuses an empty body, an unknown record and a reply across records, writing nothing', async () => {
    const before = rows('change_record')
    expect((await fails('comment-add', { targetKind: 'content', targetId: item, body: '   ' })).issues[0]?.path).toEqual(['body'])
    expect((await fails('comment-add', { targetKind: 'campaign', targetId: item, body: 'hi' })).message).toBe(`No campaign with id ${item}`)
    const other = (await ok('content-create', { title: 'Other' })).id
    const root = await ok('comment-add', { targetKind: 'content', targetId: item, body: 'hi' })
    const after = rows('change_record')
    expect(after).toBeGreaterThan(before)
    expect((await fails('comment-add', { targetKind: 'content', targetId: other, parentId: root.id, body: 'x' })).message).toContain('same record')
    expect(rows('change_record')).toBe(after)
  })

  it('mentions reach the named member: mentionsFor and their inbox', async () => {
    const c = await ok('comment-add', { targetKind: 'content', targetId: item, body: '@Tom Ellery please approve' })
    expect(mentionsFor(b, tom).map((m) => m.id)).toEqual([c.id])
    expect(mentionsFor(b, hannah)).toEqual([])
    actAs(tom)
    const inbox = await ok<{ items: { id: string; kind: string; title: string; read: boolean }[]; unread: number }>('notification-list', {})
    const mention = inbox.items.find((n) => n.kind === 'mention')
    expect(mention?.title).toBe('Hannah Vogel mentioned you')
    expect(mention?.read).toBe(false)
    const { unread } = await ok<{ unread: number }>('notification-mark', { ids: [mention?.id], read: true })
    expect(unread).toBe(inbox.unread - 1)
    // Choices: no mentions at all.
    await ok('notification-prefs-set', { kinds: { mention: false } })
    expect((await ok<{ items: { kind: string }[] }>('notification-list', {})).items.some((n) => n.kind === 'mention')).toBe(false)
  })
})

const blogSteps = [
  { key: 'brief', title: 'Brief', offsetDays: -10, hours: 1, assigneeId: null, assigneeRole: '', after: [], gatesApproval: true },
  { key: 'design', title: 'Design', offsetDays: -5, hours: 3, assigneeId: null, assigneeRole: 'Designer', after: ['brief'], gatesApproval: true },
  { key: 'approval', title: 'Approval', offsetDays: -2, hours: 0.5, assigneeId: null, assigneeRole: 'approver', after: ['design'], gatesApproval: false }
]

describe('workback tasks', () => {
  it('refuses a template with a cycle or an offset after publishing, naming the step', async () => {
    const late = await fails('task-template-create', { name: 'Bad', steps: [...blogSteps, { ...blogSteps[0], key: 'promo', title: 'Promote', offsetDays: 3 }] })
    expect(late.issues.map((i) => i.message).join()).toContain('Step "Promote" is due 3 days after the publish date')
    const cyc = await fails('task-template-create', { name: 'Loop', steps: [{ ...blogSteps[0], after: ['design'] }, blogSteps[1]] })
    expect(cyc.issues[0]?.message).toBe('Step "Brief" depends on itself: Brief → Design → Brief')
    expect(rows('task_template')).toBe(0)
  })

  it('applies a template, tasks follow the item unless done, and count in capacity', async () => {
    const tpl = (await ok('task-template-create', { name: 'Blog post', format: 'article', steps: blogSteps })).id
    const applied = await ok<{ created: number; tasks: { id: string; title: string; due: string; assigneeId: string | null }[] }>('task-template-apply', { templateId: tpl, contentId: item })
    expect(applied.created).toBe(3)
    expect(applied.tasks.map((t) => [t.title, t.due])).toEqual([['Brief', '2026-03-10'], ['Design', '2026-03-15'], ['Approval', '2026-03-18']])
    expect(applied.tasks.find((t) => t.title === 'Design')?.assigneeId).toBe(dana)
    // Applying again adds nothing.
    expect((await ok<{ created: number }>('task-template-apply', { templateId: tpl, contentId: item })).created).toBe(0)

    const brief = applied.tasks[0]?.id ?? ''
    const done = await ok<{ done: boolean; doneById: string; due: string }>('task-set-done', { id: brief, done: true })
    expect(done.doneById).toBe(hannah)
    // Move the item a week later: open tasks move, the done one stays.
    await ok('content-update', { id: item, plannedDate: '2026-03-27' })
    const after = await ok<{ tasks: { title: string; due: string }[] }>('task-for-item', { contentId: item })
    expect(after.tasks.map((t) => [t.title, t.due])).toEqual([['Brief', '2026-03-10'], ['Design', '2026-03-22'], ['Approval', '2026-03-25']])
    // Re-opened, it follows the item again.
    await ok('task-set-done', { id: brief, done: false })
    expect((await ok<{ tasks: { title: string; due: string }[] }>('task-for-item', { contentId: item })).tasks[0]?.due).toBe('2026-03-17')

    const cap = await ok<{ weeks: string[]; rows: { memberId: string; hours: number[] }[] }>('calendar-capacity', { from: '2026-03-16', to: '2026-03-29' })
    const danaRow = cap.rows.find((r) => r.memberId === dana)
    expect(danaRow?.hours).toEqual([3, 0])

    expect(tasksFor(b, dana, clock).map((t) => t.title)).toEqual(['Design'])
    const summary = await ok<{ counts: Record<string, { done: number; total: number }> }>('task-summary', { contentIds: [item] })
    expect(summary.counts[item]).toEqual({ done: 0, total: 3 })
    const range = await ok<{ tasks: { title: string }[] }>('task-range', { from: '2026-03-20', to: '2026-03-23' })
    expect(range.tasks.map((t) => t.title)).toEqual(['Design'])
  })

  it('the approval gate can require every task done first', async () => {
    const tpl = (await ok('task-template-create', { name: 'Blog post', steps: blogSteps })).id
    const { tasks } = await ok<{ tasks: { id: string; title: string }[] }>('task-template-apply', { templateId: tpl, contentId: item })
    // Asking for review names no approver (issue #14: the approver is whoever approves); every approver is asked.
    await ok('content-update', { id: item, status: 'in_review' })
    // The policy switch is off by default; turned on, open gating tasks hold the approval back.
    await ok('calendar-policy-set', { requireTasksDone: true })
    const refused = await fails('content-update', { id: item, status: 'approved' })
    expect(refused.issues.find((i) => i.path[0] === 'status')?.message).toBe('2 tasks are not done yet (the policy needs every task done before approval): Brief; Design')
    expect((await ok<{ status: string }>('content-get', { id: item })).status).toBe('in_review')
    for (const t of tasks.filter((x) => x.title !== 'Approval')) await ok('task-set-done', { id: t.id, done: true })
    // Four eyes: Tom approves Hannah's item.
    actAs(tom)
    expect((await ok<{ status: string }>('content-update', { id: item, status: 'approved' })).status).toBe('approved')
  })

  it('overdue tasks and review requests reach the inbox', async () => {
    const tpl = (await ok('task-template-create', { name: 'Blog post', steps: blogSteps })).id
    await ok('task-template-apply', { templateId: tpl, contentId: item })
    // Asking for review names no approver (issue #14: the approver is whoever approves); every approver is asked.
    await ok('content-update', { id: item, status: 'in_review' })
    clock = Date.parse('2026-03-17T09:00:00Z')
    actAs(dana)
    const danaInbox = await ok<{ items: { kind: string; title: string }[] }>('notification-list', {})
    expect(danaInbox.items.map((n) => n.title)).toContain('Overdue: Design')
    actAs(tom)
    const tomInbox = await ok<{ items: { kind: string; text: string }[] }>('notification-list', {})
    expect(tomInbox.items.find((n) => n.kind === 'approval_requested')?.text).toBe('"Launch post" from Hannah Vogel')
    await ok('content-update', { id: item, status: 'draft' })
    actAs(hannah)
    const mine = await ok<{ items: { kind: string }[] }>('notification-list', {})
    expect(mine.items.map((n) => n.kind)).toContain('approval_refused')
  })
})

describe('notification watch (the desktop host raises these as OS notifications)', () => {
  it('announces only what appears after it starts, once', async () => {
    await ok('comment-add', { targetKind: 'content', targetId: item, body: '@Tom Ellery old news' })
    actAs(tom)
    const shown: string[] = []
    const w = watchNotifications(b, (a) => shown.push(a.title), { debounceMs: 60_000 })
    actAs(hannah)
    await ok('comment-add', { targetKind: 'content', targetId: item, body: 'and @Tom Ellery something new' })
    actAs(tom)
    w.check()
    w.check()
    w.stop()
    expect(shown).toEqual(['Hannah Vogel mentioned you'])
  })
})
