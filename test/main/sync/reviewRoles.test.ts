/**
 * Resolving a sync review item writes the record like any edit, so it needs the record's role
 * (issue #14). Found by the signed chaos run: an editor's computer restored a member from the review
 * inbox, its own app let it, and every signed teammate refused the change — the editor then saw a
 * member list nobody else had. Real workspaces and a real team folder.
 */
import { describe, expect, it } from 'vitest'
import { actAs, withActing } from '../../../src/main/backend/people/currentMember'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncReviewList, syncReviewResolve } from '../../../src/main/backend/services/syncReview'
import { syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { tempsPerTest } from '../helpers/tempWorkspace'

const { workspace, folder: tempFolder } = tempsPerTest()

const idOf = (r: unknown): string => (r as { id: string }).id

describe('resolving a review item', () => {
  it('needs the role its record needs: an editor may not restore or settle a member', async () => {
    const folder = tempFolder('smo-review-roles-')
    const a = await workspace()
    const hannah = idOf(recordService.create(a, 'member', { name: 'Hannah', access: 'owner' }))
    actAs(a, hannah)
    const ed = idOf(recordService.create(a, 'member', { name: 'Ed', access: 'editor' }))
    const sam = idOf(recordService.create(a, 'member', { name: 'Sam', access: 'contributor' }))
    const tom = idOf(recordService.create(a, 'member', { name: 'Tom', access: 'contributor' }))
    syncSetup(a, { mode: 'create', folder })
    const b = await workspace()
    syncSetup(b, { mode: 'join', folder })

    // Hannah deletes Sam and renames Tom on her laptop; meanwhile, on the computer Ed uses, Hannah
    // (signed in there earlier) changed both too.
    recordService.delete(a, 'member', sam)
    recordService.update(a, 'member', { id: tom, name: 'Tom E.' })
    withActing(b, hannah, () => {
      recordService.update(b, 'member', { id: sam, role: 'Social' })
      recordService.update(b, 'member', { id: tom, name: 'Thomas' })
    })
    syncNow(a)
    syncNow(b)
    const items = syncReviewList(b)
    const restore = items.find((i) => i.kind === 'deleted-while-edited')
    const field = items.find((i) => i.kind === 'field')
    if (!restore || field?.kind !== 'field') throw new Error(`expected a restore and a field item, got ${items.map((i) => i.kind).join(', ')}`)

    actAs(b, ed)
    expect(() => syncReviewResolve(b, { id: restore.id, action: 'restore' })).toThrow(/owner/)
    expect(() => syncReviewResolve(b, { id: field.id, action: 'keep', headId: field.candidates[0]?.headId })).toThrow(/owner/)
    // Nothing was written: both still wait for someone allowed to settle them.
    expect(syncReviewList(b).map((i) => i.id).sort()).toEqual([restore.id, field.id].sort())

    actAs(b, hannah)
    syncReviewResolve(b, { id: restore.id, action: 'restore' })
    expect(syncReviewList(b).some((i) => i.id === restore.id)).toBe(false)
  })
})
