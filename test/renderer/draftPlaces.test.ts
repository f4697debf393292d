import { describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { draftPlaces } from '../../src/renderer/src/drafts/draftPlaces'
import { screens } from '../../src/renderer/src/shell/screens'

// Every kind the drafts banner can open is a record kind, on a screen the app has.
describe('the drafts banner’s places', () => {
  it('are record kinds on screens that exist', () => {
    for (const [kind, screen] of Object.entries(draftPlaces)) {
      expect(Object.hasOwn(recordKinds, kind), kind).toBe(true)
      expect(screens.map((s) => s.id), kind).toContain(screen)
    }
  })
})
