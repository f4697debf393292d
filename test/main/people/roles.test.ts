import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../../src/core/api/contract'
import { methodRoles } from '../../../src/core/api/methodRoles'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { dispatch } from '../../../src/main/backend/dispatch'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import type { WebHost } from '../../../src/main/web/webHost'
import { tempBackend } from '../helpers/tempWorkspace'
import { rawRequest, startTestHost } from '../helpers/webTestHost'

let b: Backend
let dir: string
let cleanup: () => void
const ids: Record<'olga' | 'ana' | 'ed' | 'cora' | 'vic', string> = { olga: '', ana: '', ed: '', cora: '', vic: '' }

type Res = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }
const call = async (method: string, input: unknown) => (await dispatch(b, method, input)) as Res
const data = async (method: string, input: unknown) => {
  const r = await call(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data
}
const txCount = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n ?? -1
const as = (who: keyof typeof ids) => actAs(b, ids[who])

/** The refusal, and that nothing was written. */
async function refused(method: string, input: unknown, sentence: string | RegExp, code = 'forbidden') {
  const before = txCount()
  const r = await call(method, input)
  expect(r.ok, method).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe(code)
  if (typeof sentence === 'string') expect(r.error.message).toBe(sentence)
  else expect(r.error.message).toMatch(sentence)
  expect(txCount()).toBe(before)
}

beforeEach(async () => {
  registerCalendarRules()
  ;({ b, dir, cleanup } = await tempBackend())
  // A new, empty workspace has no owner, so nothing is refused while the team is set up.
  // Once it has one, roles hold: the owner adds the rest.
  for (const [key, name, access] of [['olga', 'Olga Owner', 'owner'], ['ana', 'Ana Approver', 'approver'], ['ed', 'Ed Editor', 'editor'], ['cora', 'Cora Contributor', 'contributor'], ['vic', 'Vic Viewer', 'viewer']] as const) {
    ids[key] = String((await data('member-create', { name, access })).id)
    if (key === 'olga') as('olga')
  }
  // No checklist, so approving is about who approves, not about ticking boxes.
  await data('calendar-policy-set', { checklist: [] })
  actAs(b, null)
})
afterEach(() => cleanup())

describe('the method role table', () => {
  it('names a role for every method of the contract, and nothing else', () => {
    expect(Object.keys(methodRoles).sort()).toEqual(Object.keys(contract).sort())
  })
})

describe('roles enforced in the backend', () => {
  it('a viewer reads but writes nothing, and is told which role is needed', async () => {
    as('vic')
    expect((await data('content-list', {})).total).toBe(0)
    await refused('content-create', { title: 'Hello' }, 'Creating content items needs the contributor, editor, approver or owner role; you are Vic Viewer (viewer).')
    await refused('calendar-create', { values: { title: 'Hello' } }, /needs the contributor, editor, approver or owner role; you are Vic Viewer \(viewer\)\.$/)
    await refused('channel-create', { name: 'Blog', platform: 'blog' }, /^Creating channels needs the editor, approver or owner role/)
  })

  it('a viewer reads Priorities without writing anything; the first editor to look keeps the quarter baseline', async () => {
    as('olga')
    await data('channel-create', { name: 'Blog', platform: 'blog', audienceSize: 1000 })
    as('vic')
    const before = txCount()
    expect((await call('score-list', {})).ok).toBe(true)
    expect(txCount()).toBe(before)
    as('ed')
    expect(((await data('score-list', {})) as { snapshotTaken: string | null }).snapshotTaken).not.toBeNull()
  })

  it('nobody chosen as "me" may read but not write', async () => {
    await refused('content-create', { title: 'Hello' }, /nobody is chosen as “me” for this workspace on this computer/)
    expect((await call('content-list', {})).ok).toBe(true)
  })

  it('a contributor creates and edits only their own items, requests approval, and cannot approve', async () => {
    as('ed')
    const eds = await data('content-create', { title: 'Ed’s post', ownerId: ids.ed })
    as('cora')
    const mine = await data('content-create', { title: 'Cora’s post' })
    expect(mine.ownerId).toBe(ids.cora)
    expect((await data('content-update', { id: mine.id, title: 'Cora’s better post' })).title).toBe('Cora’s better post')
    await refused('content-update', { id: eds.id, title: 'Mine now' }, 'Changing “Ed’s post” (not yours) needs the editor, approver or owner role; you are Cora Contributor (contributor).')
    await refused('content-update', { id: mine.id, ownerId: ids.ed }, /^Giving content to someone else needs the editor/)
    await refused('calendar-update', { ids: [mine.id, eds.id], set: { pillar: 'x' } }, /not yours/)
    expect((await data('content-update', { id: mine.id, status: 'in_review' })).status).toBe('in_review')
    await refused('content-update', { id: mine.id, status: 'approved' }, 'Approving needs the approver or owner role; you are Cora Contributor (contributor).')
    await refused('content-delete', { id: eds.id }, /^Deleting “Ed’s post” \(not yours\)/)
    await refused('member-update', { id: ids.cora, access: 'owner' }, 'Changing members needs the owner role; you are Cora Contributor (contributor).')
  })

  it('an editor edits anything not approved; approved content and approving are an approver’s', async () => {
    as('ana')
    const item = await data('content-create', { title: 'Launch post', ownerId: ids.cora, status: 'in_review' })
    const approved = await data('content-update', { id: item.id, status: 'approved' })
    // Approval records who approved from "me", never a free choice.
    expect(approved.approverId).toBe(ids.ana)
    expect(approved.approvedAt).not.toBeNull()
    as('ed')
    const draft = await data('content-create', { title: 'Draft', ownerId: ids.cora })
    expect((await data('content-update', { id: draft.id, title: 'Draft 2' })).title).toBe('Draft 2')
    await refused('content-update', { id: item.id, title: 'Launch post!' }, 'Changing approved content needs the approver or owner role; you are Ed Editor (editor).')
    await refused('content-update', { id: draft.id, status: 'approved' }, /^Approving needs the approver or owner role; you are Ed Editor/)
    await refused('content-delete', { id: item.id }, /^Deleting approved content needs the approver or owner role/)
    // Results are measurements, not the signed-off content.
    as('ana')
    await data('content-update', { id: item.id, status: 'published' })
    as('ed')
    expect((await data('content-update', { id: item.id, resultReach: 1200 })).resultReach).toBe(1200)
  })

  it('an approver approves as themselves only, and not their own item (four eyes)', async () => {
    as('ana')
    const own = await data('content-create', { title: 'Ana’s own', ownerId: ids.ana, status: 'in_review' })
    await refused('content-update', { id: own.id, status: 'approved' }, /check approverId/, 'invalid_input')
    const other = await data('content-create', { title: 'Cora’s', ownerId: ids.cora, status: 'in_review' })
    await refused('content-update', { id: other.id, status: 'approved', approverId: ids.olga }, /cannot name someone else as its approver; you are Ana Approver/)
    const r = await data('calendar-update', { ids: [other.id], set: { status: 'approved' } })
    expect(r.count).toBe(1)
    expect((await data('content-get', { id: other.id })).approverId).toBe(ids.ana)
  })

  it('only owners change members and roles; the last owner stays an owner', async () => {
    as('ana')
    await refused('calendar-policy-set', { requireOtherApprover: false }, /^Changing the publishing policy needs the owner role; you are Ana Approver/)
    as('olga')
    expect((await data('member-update', { id: ids.ed, access: 'approver' })).access).toBe('approver')
    await refused('member-update', { id: ids.olga, access: 'editor' }, /Olga Owner is the last owner, so cannot be given another role/, 'rule_violation')
    await refused('member-delete', { id: ids.olga }, /last owner, so cannot be deleted/, 'rule_violation')
    await data('member-update', { id: ids.ana, access: 'owner' })
    expect((await data('member-update', { id: ids.olga, access: 'editor' })).access).toBe('editor')
  })

  it('records the member on every local change', async () => {
    as('cora')
    const item = await data('content-create', { title: 'Mine' })
    const row = b.db.get<{ member_id: string | null }>(sql`SELECT t.member_id FROM change_tx t JOIN change_record r ON r.dev = t.dev AND r.seq = t.seq WHERE r.row_id = ${String(item.id)}`)
    expect(row?.member_id).toBe(ids.cora)
  })

  it('answers HTTP 403 with the same sentence over the browser host', async () => {
    as('vic')
    const host: WebHost = await startTestHost(b, dir)
    try {
      const before = txCount()
      const res = await rawRequest(host.port, {
        method: 'POST',
        path: '/api/content-create',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Hello' })
      })
      expect(res.status).toBe(403)
      const body = JSON.parse(res.body) as { ok: false; error: { code: string; message: string } }
      expect(body.error).toMatchObject({ code: 'forbidden', message: 'Creating content items needs the contributor, editor, approver or owner role; you are Vic Viewer (viewer).' })
      expect(txCount()).toBe(before)
    } finally {
      await host.close()
    }
  })
})

describe('me', () => {
  it('is picked freely the first time, then switched only to roles not above one’s own', async () => {
    const first = await data('me-get', {})
    expect(first.me).toBeNull()
    expect(first.canSwitchTo).toHaveLength(5)
    const picked = await data('me-set', { memberId: ids.cora })
    expect((picked.me as { name: string }).name).toBe('Cora Contributor')
    expect((picked.canSwitchTo as string[]).sort()).toEqual([ids.cora, ids.vic].sort())
    await refused('me-set', { memberId: ids.olga }, 'Switching to Olga Owner (owner) needs the owner role; you are Cora Contributor (contributor).')
    await refused('me-set', { create: { name: 'Cora Again' } }, /already Cora Contributor/)
    await data('me-set', { memberId: ids.vic })
    await refused('me-set', { memberId: ids.cora }, /needs the contributor, editor, approver or owner role; you are Vic Viewer/)
  })

  it('a person not yet listed creates themselves as a viewer; nobody makes themselves owner', async () => {
    const r = await data('me-set', { create: { name: 'Newcomer', email: 'new@example.com' } })
    expect(r.me).toMatchObject({ name: 'Newcomer', access: 'viewer' })
    await refused('me-set', { memberId: ids.olga }, /needs the owner role; you are Newcomer \(viewer\)/)
  })
})
