import { describe, expect, it } from 'vitest'
import { defaultConvention } from '../../../src/core/domain/linkConvention'
import { buildLink, proposeUtm } from '../../../src/core/links/buildLink'
import { checkLink, checkUtm } from '../../../src/core/links/checkLink'
import { linkRegistry } from '../../../src/core/links/linkRegistry'
import { normaliseValue, slugValue } from '../../../src/core/links/linkValues'
import { composeTrackedUrl, pageKey, parseTrackedUrl } from '../../../src/core/links/trackedUrl'

const conv = defaultConvention

describe('tracked links: parse, compose, normalise, check', () => {
  it('parses a link into base, utm values and its other parameters, and composes it back', () => {
    const r = parseTrackedUrl('https://Northwind.example/guide?id=7&utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch#top')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.link.base).toBe('https://northwind.example/guide')
    expect(r.link.utm).toEqual({ source: 'linkedin', medium: 'social', campaign: 'spring-launch', content: '', term: '' })
    expect(r.link.other).toEqual([['id', '7']])
    expect(composeTrackedUrl(r.link.base, r.link.utm, r.link.other, r.link.hash)).toBe(
      'https://northwind.example/guide?id=7&utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch#top'
    )
  })

  it('refuses what is not a full link, with a sentence', () => {
    expect(parseTrackedUrl('northwind.example/guide')).toEqual({ ok: false, message: '"northwind.example/guide" is not a full http(s):// link' })
    expect(parseTrackedUrl('  ')).toEqual({ ok: false, message: 'The link is empty' })
  })

  it('slugs campaign names and normalises typed values under the convention', () => {
    expect(slugValue('Spring Launch — Q2 (EU)', conv)).toBe('spring-launch-q2-eu')
    expect(slugValue('Café Été', { casing: 'lower', separator: '_' })).toBe('cafe_ete')
    expect(normaliseValue(' LinkedIn Company_Page ', conv)).toBe('linkedin-company-page')
    expect(normaliseValue('LinkedIn', { casing: 'keep', separator: '-' })).toBe('LinkedIn')
  })

  it('proposes source and medium from the channel type and campaign from its record, and builds the link keeping the page’s own parameters', () => {
    const utm = proposeUtm({ baseUrl: 'https://northwind.example/guide', title: 'Buyer’s guide: 5 questions', platform: 'linkedin', channelName: 'Northwind on LinkedIn', campaignName: 'Spring Launch' }, conv)
    expect(utm).toEqual({ source: 'linkedin', medium: 'social', campaign: 'spring-launch', content: 'buyer-s-guide-5-questions', term: '' })
    expect(checkUtm(utm, conv, ['spring-launch'])).toEqual([])
    const built = buildLink('https://northwind.example/guide?ref=nav&utm_source=old', utm)
    expect(built).toEqual({ ok: true, base: 'https://northwind.example/guide', url: 'https://northwind.example/guide?ref=nav&utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch&utm_content=buyer-s-guide-5-questions' })
    expect(buildLink('guide', utm)).toEqual({ ok: false, message: 'Base link: "guide" is not a full http(s):// link' })
  })

  it('says what breaks the convention and how to fix it, naming the parameter', () => {
    const issues = checkLink('https://n.example/?utm_source=LinkedIn&utm_medium=socail&utm_campaign=Sprng%20Launch', conv, ['spring-launch'])
    expect(issues).toEqual([
      { field: 'utm_source', message: 'utm_source "LinkedIn" must be lower-case: use "linkedin"', fix: 'linkedin' },
      { field: 'utm_campaign', message: 'utm_campaign "Sprng Launch" must be lower-case: use "sprng-launch"', fix: 'sprng-launch' },
      { field: 'utm_medium', message: 'utm_medium "socail" is not one of the team\'s mediums: did you mean "social"?', fix: 'social' },
      { field: 'utm_campaign', message: 'utm_campaign "Sprng Launch" is not one of our campaigns: did you mean "spring-launch"?', fix: 'spring-launch' }
    ])
    expect(checkLink('https://n.example/', conv, [])[0]).toEqual({ field: 'utm_source', message: "utm_source is required by the team's link convention", fix: null })
  })
})

describe('link registry', () => {
  it('flags the same link used by two items, and casing conflicts for one page and campaign', () => {
    const base = 'https://n.example/guide?utm_medium=social&utm_campaign=spring-launch&utm_source='
    const rows = linkRegistry(
      [
        { id: 'L1', url: `${base}linkedin`, contentId: 'C1', campaignId: null, channelId: null, origin: 'link' },
        { id: 'L1b', url: `${base}linkedin`, contentId: 'C1', campaignId: null, channelId: null, origin: 'item' },
        { id: 'L2', url: `${base}linkedin`, contentId: 'C2', campaignId: null, channelId: null, origin: 'link' },
        { id: 'L3', url: `${base}LinkedIn`, contentId: 'C3', campaignId: null, channelId: null, origin: 'link' },
        { id: 'L4', url: 'not a link', contentId: 'C4', campaignId: null, channelId: null, origin: 'item' }
      ],
      conv,
      ['spring-launch']
    )
    const kinds = (id: string) => rows.find((r) => r.id === id)!.flags.map((f) => f.kind)
    expect(kinds('L1')).toEqual(['duplicate', 'conflict'])
    expect(rows.find((r) => r.id === 'L1')!.flags[0]).toMatchObject({ others: ['L2'] })
    expect(kinds('L3')).toEqual(['convention', 'conflict'])
    expect(kinds('L4')).toEqual(['unreadable'])
    expect(pageKey('https://www.N.example/Guide/')).toBe('n.example/guide')
  })
})
