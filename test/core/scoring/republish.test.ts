import { describe, expect, it } from 'vitest'
import { copiedFrom, copyBrief, isEvergreen, republishAdvice, type RepublishItem } from '../../../src/core/scoring/republish'

const TODAY = '2026-05-14'
let n = 0
/** A published item on channel c1; ids are valid ULIDs so copies can point at them. */
function item(over: Partial<RepublishItem> = {}): RepublishItem {
  n++
  return {
    id: `01J${String(n).padStart(23, '0')}`, title: `Post ${n}`, brief: '', channelId: 'c1', campaignId: null, pillar: 'Data quality',
    format: 'article', status: 'published', day: '2025-11-10', engagements: 100, clicks: 20, reach: 3000, ...over
  }
}
/** Eleven ordinary posts in one quarter and one star (5× the results). */
function channel(star: Partial<RepublishItem> = {}): { items: RepublishItem[]; star: RepublishItem } {
  const items = Array.from({ length: 11 }, (_, i) => item({ engagements: 90 + i * 2, day: `2025-11-${String(i + 3).padStart(2, '0')}` }))
  const s = item({ engagements: 500, clicks: 100, title: 'The star', ...star })
  return { items: [...items, s], star: s }
}

describe('republishAdvice', () => {
  it('offers an evergreen top-quartile item past the cool-down, with why', () => {
    const { items, star } = channel()
    const advice = republishAdvice(items, { today: TODAY, coolDownDays: undefined })
    expect(advice.coolDownDays).toBe(90)
    expect(advice.candidates[0]).toMatchObject({ itemId: star.id, channelId: 'c1', publishedOn: '2025-11-10', copyId: null })
    expect(advice.candidates[0]?.lift).toBeGreaterThan(4)
    expect(advice.candidates[0]?.reason).toMatch(/× the channel's typical post .* out 185 days ago/)
    // Only the top quarter: of 12 posts at most 3 clear the bar, and never the weakest.
    expect(advice.candidates.length).toBeLessThanOrEqual(3)
    expect(advice.candidates.map((c) => c.itemId)).not.toContain(items[0]?.id)
  })

  it('waits for the cool-down, counted from the newest copy when there is one', () => {
    const recent = channel({ day: '2026-04-01' })
    expect(republishAdvice(recent.items, { today: TODAY }).candidates.map((c) => c.itemId)).not.toContain(recent.star.id)
    expect(republishAdvice(recent.items, { today: TODAY, coolDownDays: 30 }).candidates.map((c) => c.itemId)).toContain(recent.star.id)
    const { items, star } = channel()
    const copy = item({ brief: copyBrief({ ...star, day: star.day }), day: '2026-04-20', status: 'scheduled', engagements: null, clicks: null })
    expect(republishAdvice([...items, copy], { today: TODAY }).candidates.map((c) => c.itemId)).not.toContain(star.id)
  })

  it('reports a backlog copy already made, so offering twice never makes two', () => {
    const { items, star } = channel()
    const copy = item({ brief: copyBrief({ ...star, day: star.day }), day: null, status: 'idea', engagements: null, clicks: null })
    const found = republishAdvice([...items, copy], { today: TODAY }).candidates.find((c) => c.itemId === star.id)
    expect(found?.copyId).toBe(copy.id)
    // A copy is never itself offered as an original.
    expect(republishAdvice([...items, { ...copy, status: 'published', day: '2025-11-12', engagements: 900 }], { today: TODAY, coolDownDays: 0 }).candidates.map((c) => c.itemId)).not.toContain(copy.id)
  })

  it('skips what is not evergreen: campaign items, product updates, events, and an explicit #not-evergreen', () => {
    for (const over of [{ campaignId: 'camp' }, { pillar: 'Product updates' }, { format: 'event' }, { brief: 'Launch week #not-evergreen' }]) {
      const { items, star } = channel(over)
      expect(republishAdvice(items, { today: TODAY }).candidates.map((c) => c.itemId), JSON.stringify(over)).not.toContain(star.id)
    }
    expect(isEvergreen({ brief: 'Our launch recap #evergreen', campaignId: 'camp', pillar: 'Product updates', format: 'event' })).toBe(true)
  })

  it('judges results against the same quarter, so a channel that shrank does not favour its old posts', () => {
    // Last year everything had 10× the engagements; this quarter's best post is the one to offer.
    const old = Array.from({ length: 10 }, (_, i) => item({ day: `2025-05-${String(i + 1).padStart(2, '0')}`, engagements: 1000 + i }))
    const now = Array.from({ length: 10 }, (_, i) => item({ day: `2025-11-${String(i + 1).padStart(2, '0')}`, engagements: 100 + i }))
    const best = item({ day: '2025-11-20', engagements: 400 })
    const offered = republishAdvice([...old, ...now, best], { today: TODAY, perChannel: 1 }).candidates.map((c) => c.itemId)
    expect(offered).toEqual([best.id])
  })

  it('says which channels have too few posts for a top quartile', () => {
    const advice = republishAdvice([item({ channelId: 'c2' }), item({ channelId: 'c2' })], { today: TODAY })
    expect(advice.candidates).toEqual([])
    expect(advice.tooFewPosts).toEqual([{ channelId: 'c2', posts: 2 }])
  })

  it('marks a copy so it can be traced to its original', () => {
    const original = item({ title: 'Why lineage matters', brief: 'Outline…' })
    const brief = copyBrief(original)
    expect(brief).toMatch(/^Publish again: a copy of item 01J\w+ \(“Why lineage matters”, first out 2025-11-10\)\.\n\nOutline…$/)
    expect(copiedFrom(brief)).toBe(original.id)
    expect(copiedFrom('An ordinary brief')).toBeNull()
  })
})
