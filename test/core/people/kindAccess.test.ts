import { describe, expect, it } from 'vitest'
import { writeRefusal } from '../../../src/core/people/kindAccess'

const leo = { id: 'M-leo', name: 'Leo Martins', access: 'contributor' as const }
const vic = { id: 'M-vic', name: 'Vic Viewer', access: 'viewer' as const }
const eve = { id: 'M-eve', name: 'Eve Editor', access: 'editor' as const }

describe('writeRefusal: what the forms show as view-only, by the backend table', () => {
  it('refuses below the kind floor with the backend sentence', () => {
    expect(writeRefusal('campaign', 'change', leo, true, 'campaigns')).toBe('Changing campaigns needs the editor, approver or owner role; you are Leo Martins (contributor).')
    expect(writeRefusal('campaign', 'change', eve, true, 'campaigns')).toBeNull()
    expect(writeRefusal('content', 'create', vic, true, 'content items')).toMatch(/^Creating content items needs the contributor, editor, approver or owner role; you are Vic Viewer/)
  })
  it('a contributor changes and deletes only their own records of an owned kind', () => {
    expect(writeRefusal('influencer', 'create', leo, true, 'influencers')).toBeNull()
    expect(writeRefusal('influencer', 'change', leo, true, 'influencers', { ownerId: 'M-leo' })).toBeNull()
    expect(writeRefusal('influencer', 'delete', leo, true, 'influencers', { ownerId: 'M-eve' })).toMatch(/^Deleting influencers that are not yours needs the editor/)
    expect(writeRefusal('influencer', 'change', eve, true, 'influencers', { ownerId: 'M-leo' })).toBeNull()
  })
  it('refuses nothing while roles are not enforced, and everything to nobody once they are', () => {
    expect(writeRefusal('member', 'change', null, false, 'members')).toBeNull()
    expect(writeRefusal('campaign', 'create', null, true, 'campaigns')).toMatch(/nobody is chosen as “me”/)
  })
})
