import { describe, expect, it } from 'vitest'
import { parseMentions } from '../../../src/core/sharing/parseMentions'

const members = [
  { id: 'H', name: 'Hannah Vogel' },
  { id: 'T', name: 'Tom Ellery' },
  { id: 'T2', name: 'Tom Baker' },
  { id: 'P', name: 'Priya Raman' }
]

describe('@mentions', () => {
  it('resolves full names and unique first names, case-insensitive', () => {
    const r = parseMentions('@hannah vogel and @Priya, please check. Thanks @Tom Ellery!', members)
    expect(r.memberIds).toEqual(['H', 'P', 'T'])
    expect(r.parts.filter((p) => p.memberId).map((p) => p.text)).toEqual(['@hannah vogel', '@Priya', '@Tom Ellery'])
    expect(r.parts.map((p) => p.text).join('')).toBe('@hannah vogel and @Priya, please check. Thanks @Tom Ellery!')
  })
  it('keeps unknown names, ambiguous first names and e-mail addresses as plain text', () => {
    const r = parseMentions('@Tom and @Nobody, mail priya@Priya.example or @Priyanka', members)
    expect(r.memberIds).toEqual([])
    expect(r.parts).toEqual([{ text: '@Tom and @Nobody, mail priya@Priya.example or @Priyanka' }])
  })
  it('counts a member once however often they are named', () => {
    expect(parseMentions('@Priya @Priya Raman', members).memberIds).toEqual(['P'])
  })
})
