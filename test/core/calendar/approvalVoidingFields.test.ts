import { describe, expect, it } from 'vitest'
import { APPROVAL_VOIDING_FIELDS, keepApproval, voidedBy } from '../../../src/core/calendar/approvalVoidingFields'
import { defaultPolicy } from '../../../src/core/domain/workspacePolicy'

const approved = {
  status: 'approved', title: 'Launch post', brief: 'Body', channelId: 'C1', plannedDate: '2026-03-23', publishAt: '2026-03-23T09:00:00Z',
  publishZone: 'Europe/Berlin', trackingUrl: 'https://example.com/?utm_source=x', checklist: { brand_voice: true },
  ownerId: 'O', approverId: 'A', notes: '', pillar: 'Product', effortHours: 2, dueDate: '2026-03-20', campaignId: null
}
const full = Object.fromEntries(defaultPolicy.checklist.map((c) => [c.id, true]))

describe('which edits void an approval', () => {
  it('lists the content an approver signs off, and only that', () => {
    expect([...APPROVAL_VOIDING_FIELDS]).toEqual(['title', 'brief', 'channelId', 'plannedDate', 'publishAt', 'publishZone', 'trackingUrl', 'checklist'])
  })

  it.each([
    ['title', 'Launch post (v2)'], ['brief', 'New body'], ['channelId', 'C2'], ['plannedDate', '2026-03-24'],
    ['publishAt', '2026-03-23T10:00:00Z'], ['trackingUrl', 'https://example.com/other'], ['checklist', { brand_voice: false }]
  ])('a change of %s voids an approved item', (field, value) => {
    expect(voidedBy(approved, { ...approved, [field]: value })).toEqual([field])
  })

  it('voids a scheduled item too, and names every changed field', () => {
    const before = { ...approved, status: 'scheduled' }
    expect(voidedBy(before, { ...before, title: 'x', channelId: 'C9' })).toEqual(['title', 'channelId'])
  })

  it.each([['ownerId', 'O2'], ['pillar', 'Brand'], ['effortHours', 5], ['dueDate', '2026-03-21'], ['campaignId', 'K1'], ['notes', 'call Sam']])(
    'planning around the content (%s) keeps the approval',
    (field, value) => {
      expect(voidedBy(approved, { ...approved, [field]: value })).toEqual([])
    }
  )

  it('leaves items that were not signed off, published history, and edits that leave the signed-off statuses alone', () => {
    for (const status of ['idea', 'draft', 'in_review', 'published', 'cancelled']) expect(voidedBy({ ...approved, status }, { ...approved, status, title: 'x' })).toEqual([])
    expect(voidedBy(approved, { ...approved, status: 'draft', title: 'x' })).toEqual([])
    expect(voidedBy(null, approved)).toEqual([])
  })

  it('treats missing and null alike (no phantom change)', () => {
    const before = { ...approved, trackingUrl: undefined }
    expect(voidedBy(before, { ...before, trackingUrl: null })).toEqual([])
  })
})

describe('keeping an approval', () => {
  const approver = { id: 'A', name: 'Aaron', active: true }
  it('is allowed for an active member other than the owner with the checklist complete', () => {
    expect(keepApproval({ ownerId: 'O', checklist: full }, approver, 'A', defaultPolicy)).toEqual([])
  })
  it('refuses the owner under the four-eyes rule, naming the flag', () => {
    const r = keepApproval({ ownerId: 'A', checklist: full }, approver, 'A', defaultPolicy)
    expect(r.map((f) => [f.rule, f.field])).toEqual([['four_eyes', 'keepApprovalAs']])
    expect(r[0]?.message).toContain('Aaron owns this item')
    expect(keepApproval({ ownerId: 'A', checklist: full }, approver, 'A', { ...defaultPolicy, requireOtherApprover: false })).toEqual([])
  })
  it('refuses an unknown or inactive member and an incomplete checklist', () => {
    expect(keepApproval({ ownerId: 'O', checklist: full }, null, 'ZZ', defaultPolicy)[0]?.message).toBe('No member with id ZZ can keep this approval')
    expect(keepApproval({ ownerId: 'O', checklist: full }, { ...approver, active: false }, 'A', defaultPolicy)[0]?.message).toContain('not an active member')
    const open = keepApproval({ ownerId: 'O', checklist: { brand_voice: true } }, approver, 'A', defaultPolicy)
    expect(open.map((f) => f.rule)).toEqual(['checklist'])
    expect(open[0]?.message).toContain('Claims and figures checked')
  })
})
