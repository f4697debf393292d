import { describe, expect, it } from 'vitest'
import { recordKinds, type KindName } from '../../src/core/domain/recordKinds'
import { draftPlaces } from '../../src/renderer/src/drafts/draftPlaces'
import { screens } from '../../src/renderer/src/shell/screens'

// The banner keeps its own copy of the kinds' names so it loads without the record schemas; a
// renamed kind must be renamed there too, and every place must be a screen the app has.
describe('the drafts banner’s places', () => {
  it('name each kind as its record kind does, on a screen that exists', () => {
    for (const [kind, place] of Object.entries(draftPlaces)) {
      expect(Object.hasOwn(recordKinds, kind), kind).toBe(true)
      expect(place.label, kind).toBe(recordKinds[kind as KindName].label)
      expect(screens.map((s) => s.id), kind).toContain(place.screen)
    }
  })
})
