import { describe, expect, it } from 'vitest'
import { matchColumns, parseMapOption } from '../../../src/core/transfer/matchColumns'
import { parseBool, parseCell, parseDate, parseInstant, parseNumber } from '../../../src/core/transfer/parseCell'
import { transferFields } from '../../../src/core/transfer/transferFields'

const noRefs = () => ({ error: 'no refs here' })

describe('spreadsheet cells → field values', () => {
  it('reads numbers with thousands separators, percents and currency, and refuses a guess', () => {
    expect(parseNumber('12,000')).toBe(12000)
    expect(parseNumber('1 234 567.5')).toBe(1234567.5)
    expect(parseNumber('3.5%')).toBeCloseTo(0.035)
    expect(parseNumber('$1,200')).toBe(1200)
    expect(parseNumber('-4')).toBe(-4)
    expect(parseNumber('1,5')).toEqual({ error: expect.stringContaining('commas only between thousands') })
    expect(parseNumber('lots')).toEqual({ error: 'Must be a number' })
  })

  it('reads booleans, dates and times', () => {
    expect([parseBool('Yes'), parseBool('no'), parseBool('TRUE'), parseBool('0')]).toEqual([true, false, true, false])
    expect(parseBool('maybe')).toEqual({ error: 'Use yes or no' })
    expect(parseDate('2026-11-03')).toBe('2026-11-03')
    expect(parseDate('2026/1/3')).toBe('2026-01-03')
    expect(parseDate('Nov 23, 2026')).toBe('2026-11-23')
    expect(parseDate('23 November 2026')).toBe('2026-11-23')
    expect(parseDate('11/23/2026')).toEqual({ error: 'Use a date like 2026-11-23' })
    expect(parseInstant('2026-11-23T10:30:00+01:00')).toBe('2026-11-23T09:30:00Z')
    expect(parseInstant('2026-11-23 09:30')).toEqual({ error: expect.stringContaining('with its zone') })
  })

  it('reads enums by value or label, references through the resolver, tags and JSON by field type', () => {
    const fields = new Map(transferFields('channel').map((f) => [f.name, f]))
    const platform = fields.get('platform')!
    expect(parseCell(platform, 'Community forum', noRefs)).toEqual({ value: 'forum' })
    expect(parseCell(platform, 'LINKEDIN', noRefs)).toEqual({ value: 'linkedin' })
    const owner = fields.get('ownerId')!
    expect(owner).toMatchObject({ type: 'ref', refKind: 'member', label: 'Owner', nullable: true })
    expect(parseCell(owner, 'Priya', () => ({ id: 'X' }))).toEqual({ value: 'X' })
    expect(parseCell(owner, '', noRefs)).toEqual({ value: null })
    expect(parseCell(fields.get('audienceSize')!, '', noRefs)).toEqual({ value: undefined })
    expect(parseCell(fields.get('goalLinks')!, '[{"goalId":"A","rate":1}]', noRefs)).toEqual({ value: [{ goalId: 'A', rate: 1 }] })
    expect(parseCell(fields.get('estimatesUpdatedAt')!, '2026-01-02', noRefs)).toEqual({ value: '2026-01-02' })
    const topics = transferFields('influencer').find((f) => f.name === 'topics')!
    expect(parseCell(topics, 'ai, data; bi', noRefs)).toEqual({ value: ['ai', 'data', 'bi'] })
    expect(parseCell(fields.get('name')!, "'=1+1", noRefs)).toEqual({ value: '=1+1' })
  })

  it('reads other tools’ words for a value, only where no value matches as written, and refuses the rest', () => {
    const channel = new Map(transferFields('channel').map((f) => [f.name, f]))
    const platform = channel.get('platform')!
    expect(['Twitter', 'X (Twitter)', 'tik-tok', 'TikTok', 'Threads', 'bsky', 'Reddit', 'Discourse'].map((w) => parseCell(platform, w, noRefs))).toEqual(
      ['x', 'x', 'tiktok', 'tiktok', 'threads', 'bluesky', 'reddit', 'forum'].map((value) => ({ value }))
    )
    // "Event" is a platform's other word (Events) and a format's own value: each field reads its own.
    expect(parseCell(platform, 'Event', noRefs)).toEqual({ value: 'events' })
    const content = new Map(transferFields('content').map((f) => [f.name, f]))
    expect(parseCell(content.get('format')!, 'Event', noRefs)).toEqual({ value: 'event' })
    expect(['Canceled', 'Pending approval', 'Posted', 'Queued'].map((w) => parseCell(content.get('status')!, w, noRefs))).toEqual(
      ['cancelled', 'in_review', 'published', 'scheduled'].map((value) => ({ value }))
    )
    // A word that could mean two values is not guessed.
    expect(parseCell(content.get('format')!, 'Story', noRefs)).toEqual({ error: expect.stringMatching(/^Unknown value "Story"; use one of Post, Article/) })
    expect(parseCell(platform, 'fax', noRefs)).toEqual({ error: expect.stringContaining('TikTok, Threads, Bluesky, Reddit, Other') })
  })
})

describe('matching CSV headers to fields', () => {
  const fields = transferFields('channel')
  it('prefers names over labels over aliases, one column per field, explicit choices first', () => {
    expect(matchColumns(['Owner', 'Owner id', 'audience_size', 'Audience', 'Posts / week', 'Whatever'], fields, {}, { Audience: 'audienceSize', 'Posts / week': 'cadencePerWeek' })).toEqual([
      null, 'ownerId', 'audienceSize', null, 'cadencePerWeek', null
    ])
    expect(matchColumns(['Name', 'Whatever'], fields, { Name: '', Whatever: 'name' })).toEqual([null, 'name'])
  })

  it('parses --map', () => {
    expect(parseMapOption('Full name=name, Notes=')).toEqual({ 'Full name': 'name', Notes: '' })
    expect(parseMapOption('oops')).toEqual({ error: '"oops" is not "CSV header=field"' })
  })
})
