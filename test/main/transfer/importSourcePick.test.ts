import { describe, expect, it } from 'vitest'
import type { ImportInput } from '../../../src/core/api/methods/transferMethods'
import { applyImport, prepareImport } from '../../../src/main/backend/services/transferImport'
import { demoBackendPerTest } from '../helpers/demoBackendPerTest'

// The import dialog's Source choice (issue #16): a full Brandwatch export is recognised by the columns
// it always writes, and a person's choice of source overrides the recognition.
const t = demoBackendPerTest()

const extra = Array.from({ length: 40 }, (_, i) => `Extra Metric ${i + 1}`)
const headers = ['Query Id', 'Query Name', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Language', 'Country', 'Author', 'Full Name', 'Full Text', 'Snippet', 'Resource Id', 'Thread Id', 'Impressions', 'Reach (new)', ...extra]
const row = (i: number) => {
  const v: Record<string, string> = {
    'Query Id': '2001', 'Query Name': 'Atlas brand', Date: `2026-11-1${i} 07:55:00`, Title: `Atlas thread ${i}`, Url: `https://www.reddit.com/r/PLC/comments/full${i}/`,
    Domain: 'reddit.com', Sentiment: 'negative', 'Page Type': 'reddit', Language: 'en', Country: 'Germany', Author: `plc_user_${i}`, 'Full Name': `PLC User ${i}`,
    'Full Text': `Atlas T4 sensors keep dropping out below -30C, thread ${i}`, Snippet: `Atlas T4 sensors keep dropping out ${i}`, 'Resource Id': `r${i}`, 'Thread Id': `t${i}`,
    Impressions: '1200', 'Reach (new)': '800'
  }
  return headers.map((h) => v[h] ?? String(i)).map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')
}
const csv = [headers.join(','), row(1), row(2)].join('\n')
const input = (extraInput: Partial<ImportInput> = {}): ImportInput => ({ kind: 'conversation', fileName: 'brandwatch-full.csv', data: Buffer.from(csv, 'utf8').toString('base64'), zone: 'UTC', ...extraInput })

describe('the source of a conversation import', () => {
  it('recognises a full Brandwatch export with dozens of extra columns and imports it', async () => {
    const p = await prepareImport(t.b, input())
    expect(p.source?.preset).toBe('brandwatch')
    expect(p.allProblems).toEqual([])
    const mapped = Object.fromEntries(p.headers.map((h, i) => [h, p.mapping[i]]))
    expect(mapped).toMatchObject({ Date: 'occurredAt', Url: 'url', Author: 'author', 'Page Type': '_channel', Sentiment: '_sentiment' })
    expect(await applyImport(t.b, input())).toMatchObject({ created: 2 })
  })

  it('takes the source a person chooses over the one recognised', async () => {
    const generic = await prepareImport(t.b, input({ preset: 'generic' }))
    expect(generic.source?.preset).toBe('generic')
    const asMention = await prepareImport(t.b, input({ preset: 'mention' }))
    expect(asMention.source?.preset).toBe('mention')
  })
})
