import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { handleKey, scoringDuplicates } from '../../../src/main/backend/services/scoringDuplicates'

const handle = fc.stringMatching(/^[a-z0-9./_-]{1,20}$/).filter((h) => /[a-z0-9]/.test(h.replace(/^www\./, '')))

describe('duplicate channels', () => {
  it('ignore case, scheme, www., a leading @ and trailing slashes, never the platform', () => {
    fc.assert(
      fc.property(handle, fc.boolean(), fc.boolean(), fc.nat(3), (h, upper, scheme, slashes) => {
        const variant = `${scheme ? 'https://' : ''}${upper ? h.toUpperCase() : h}${'/'.repeat(slashes)}`
        const dups = scoringDuplicates([
          { id: 'a', platform: 'blog', handle: h, status: 'active' },
          { id: 'b', platform: 'blog', handle: variant, status: 'active' },
          { id: 'c', platform: 'x', handle: h, status: 'active' }
        ])
        const key = handleKey('blog', h)
        if (key === null || key !== handleKey('blog', variant)) return
        expect(dups.map((d) => d.channelId)).toEqual(['a', 'b'])
        expect(dups[0]?.duplicateOf).toEqual(['b'])
      })
    )
  })

  it('leaves a retired copy out: retiring one of two is what resolves them', () => {
    const two = [{ id: 'a', platform: 'blog', handle: 'acme', status: 'active' }, { id: 'b', platform: 'blog', handle: 'acme', status: 'paused' }]
    expect(scoringDuplicates(two).map((d) => d.channelId)).toEqual(['a', 'b'])
    expect(scoringDuplicates([two[0], { ...two[1], status: 'retired' }])).toEqual([])
  })

  it('never flags empty handles or a channel alone', () => {
    expect(scoringDuplicates([{ id: 'a', platform: 'blog', handle: '', status: 'active' }, { id: 'b', platform: 'blog', handle: ' / ', status: 'active' }])).toEqual([])
    expect(scoringDuplicates([{ id: 'a', platform: 'blog', handle: '@acme', status: 'active' }, { id: 'b', platform: 'blog', handle: 'acme', status: 'active' }, { id: 'c', platform: 'blog', handle: 'acme2', status: 'active' }]).map((d) => d.channelId)).toEqual(['a', 'b'])
  })
})
