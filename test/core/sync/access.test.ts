/**
 * The member-list fold and the role rules of signed sync (docs/SYNC-SECURITY.md), pure: the fold
 * depends on the set of writes only (any order gives the same roles), two owners demoting each other
 * end the same everywhere (the earlier by HLC wins), the root owner cannot be demoted, and each role
 * may write exactly what the issue says.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { authorizeOp } from '../../../src/core/sync/access/authorizeOp'
import type { Author } from '../../../src/core/sync/access/authorizeOp'
import { ACCESS_ROLES, memberRoles } from '../../../src/core/sync/access/memberRoles'
import type { AccessRole, Genesis, MemberListWrite } from '../../../src/core/sync/access/memberRoles'
import type { Op } from '../../../src/core/sync/op'

const h = (n: number): string => n.toString(16).padStart(12, '0') + '0000' + 'a'.repeat(16)
const genesis: Genesis = { root: 'root', roles: { ann: 'owner', bob: 'owner', cat: 'editor', dan: 'viewer' } }
const w = (n: number, author: string, member: string, v: AccessRole | boolean, col = typeof v === 'boolean' ? '_deleted' : 'access'): MemberListWrite => ({ id: `${'b'.repeat(16)}:${n}`, h: h(n), author, member, col, v })

describe('member list fold', () => {
  it('two owners demoting each other: the earlier by HLC takes effect, the later is void', () => {
    const r = memberRoles(genesis, [w(2, 'bob', 'ann', 'editor'), w(1, 'ann', 'bob', 'editor')])
    expect([r.role('ann'), r.role('bob')]).toEqual(['owner', 'editor'])
    expect(r.void.map((x) => x.author)).toEqual(['bob'])
  })

  it('keeps the root owner an owner, and a removed member has no role', () => {
    const r = memberRoles(genesis, [w(1, 'ann', 'root', 'viewer'), w(2, 'ann', 'cat', true)])
    expect(r.role('root')).toBe('owner')
    expect(r.role('cat')).toBeNull()
    expect(r.role('stranger')).toBeNull()
  })

  it('an inactive member has no role until made active again; only an owner decides', () => {
    const off = memberRoles(genesis, [w(1, 'ann', 'cat', false, 'active')])
    expect(off.role('cat')).toBeNull()
    expect(memberRoles(genesis, [w(1, 'ann', 'cat', false, 'active'), w(2, 'bob', 'cat', true, 'active')]).role('cat')).toBe('editor')
    expect(memberRoles(genesis, [w(1, 'cat', 'dan', false, 'active')]).role('dan')).toBe('viewer')
  })

  it('a member cannot make themselves owner', () => {
    expect(memberRoles(genesis, [w(1, 'cat', 'cat', 'owner')]).role('cat')).toBe('editor')
  })

  it('gives the same roles for any order of the same writes', () => {
    const people = ['root', 'ann', 'bob', 'cat', 'dan']
    const write = fc.record({
      n: fc.integer({ min: 1, max: 40 }),
      author: fc.constantFrom(...people),
      member: fc.constantFrom(...people),
      v: fc.oneof(fc.constantFrom<AccessRole | boolean>(...ACCESS_ROLES), fc.boolean())
    })
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 30 }), fc.nat(), (raw, seed) => {
        const writes = raw.map((x, i) => ({ ...w(x.n, x.author, x.member, x.v), id: `${'c'.repeat(16)}:${i + 1}` }))
        const shuffled = [...writes].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5) || (a.id < b.id ? 1 : -1))
        const one = memberRoles(genesis, writes)
        const two = memberRoles(genesis, shuffled)
        expect(people.map((p) => two.role(p))).toEqual(people.map((p) => one.role(p)))
      }),
      { numRuns: 300 }
    )
  })
})

const op = (t: string, r: string, set: Op['tx'][number]['set'], base: string[] = ['x:1']): Op => ({
  d: 'a'.repeat(16),
  s: 1,
  h: h(1),
  x: 12,
  tx: [{ t, r, set, b: Object.fromEntries(Object.keys(set).map((c) => [c, base])) }]
})
const author = (role: AccessRole | null, owners: Record<string, string> = {}): Author => ({ member: 'me', name: 'Leo', role, rowOwner: (_t, r) => owners[r] ?? null })

describe('role rules', () => {
  it('a viewer writes nothing, a removed member nothing', () => {
    expect(authorizeOp(author('viewer'), op('channel', 'c1', { name: 'x' }))).toMatch(/viewer/)
    expect(authorizeOp(author(null), op('channel', 'c1', { name: 'x' }))).toMatch(/not a member/)
  })

  it('a contributor creates its own items and edits only those', () => {
    expect(authorizeOp(author('contributor'), op('content_item', 'i1', { title: 'Mine', owner_id: 'me' }, []))).toBeNull()
    expect(authorizeOp(author('contributor'), op('content_item', 'i1', { title: 'Theirs', owner_id: 'ann' }, []))).toMatch(/only edit their own/)
    expect(authorizeOp(author('contributor', { i1: 'me' }), op('content_item', 'i1', { title: 'Edit' }))).toBeNull()
    expect(authorizeOp(author('contributor', { i2: 'ann' }), op('content_item', 'i2', { title: 'Edit' }))).toMatch(/contributor and may only edit their own items, not content_item i2/)
  })

  it('only approvers and owners set approval; only owners change the member list', () => {
    expect(authorizeOp(author('editor'), op('content_item', 'i1', { approver_id: 'me' }))).toMatch(/may not set approver_id/)
    expect(authorizeOp(author('editor'), op('content_item', 'i1', { approver_id: null }))).toBeNull()
    expect(authorizeOp(author('approver'), op('content_item', 'i1', { approver_id: 'me', approved_at: 'now' }))).toBeNull()
    expect(authorizeOp(author('approver'), op('member', 'm1', { access: 'owner' }))).toMatch(/owners only/)
    expect(authorizeOp(author('owner'), op('member', 'm1', { access: 'owner' }))).toBeNull()
  })
})
