/**
 * Results matching benchmark (issue #15 "Figures": matching 100k analytics rows to links ≤ 2 s): a
 * 100,000-row GA4 export (source, medium, campaign, content, landing page, four metrics) read, parsed
 * and matched against 2,000 tracked links over 50 campaigns, as `smo results` does before it writes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildMatchIndex, matchRow } from '../src/core/links/matchResults'
import { createBackend } from '../src/main/backend/backend'
import { sql } from '../src/main/backend/db/sql'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { importResults } from '../src/main/backend/links/resultsImport'
import { resultsSummaryOf } from '../src/main/backend/links/resultsSummaryOf'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { withActing } from '../src/main/backend/people/currentMember'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'
import { readResults } from '../src/core/links/readResults'
import { parseCsvText } from '../src/main/backend/services/importFile'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const ROWS = 100_000
const LINKS = 2_000
const CAMPAIGNS = 50
const id = (p: string, i: number) => `${p}${String(i).padStart(25, '0')}`.slice(0, 26)

/**
 * The Results screen's query (results-summary) over a large ledger: the demo with the 100k-row GA4
 * export imported (about 300k numbers), summed per campaign and per item over every date it holds.
 */
async function summaryCase(text: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-results-bench-'))
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')))
    try {
      writeDemo(b)
      const owner = b.db.get<{ id: string }>(sql`SELECT id FROM member WHERE access = 'owner' LIMIT 1`)?.id ?? ''
      withActing(b, owner, () => importResults(b, { fileName: 'ga4-100k.csv', text, format: 'ga4' }))
      const numbers = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outcome WHERE deleted_at IS NULL`)?.n ?? 0
      const time = (groupBy: 'campaign' | 'item'): number => {
        const ms: number[] = []
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now()
          resultsSummaryOf(b, { groupBy })
          ms.push(performance.now() - t0)
        }
        return Math.round(ms.sort((x, y) => x - y)[1] ?? 0)
      }
      return (['campaign', 'item'] as const).map((g) => ({
        name: `Results screen: the ledger summed per ${g} (results-summary), ${numbers.toLocaleString('en')} numbers`,
        value: time(g),
        unit: 'ms',
        note: `the demo plus a 100k-row GA4 export, every date the ledger holds; median of 3`
      }))
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function fixture(): { text: string; links: { url: string; contentId: string; channelId: string; campaignId: string }[] } {
  const sources = ['linkedin', 'x', 'newsletter', 'youtube', 'blog']
  const mediums = ['social', 'social', 'email', 'video', 'referral']
  const links = Array.from({ length: LINKS }, (_, i) => ({
    url: `https://northwind.example/page-${i % 400}?utm_source=${sources[i % 5]}&utm_medium=${mediums[i % 5]}&utm_campaign=campaign-${i % CAMPAIGNS}&utm_content=item-${i}`,
    contentId: id('C', i), channelId: id('H', i % 5), campaignId: id('K', i % CAMPAIGNS)
  }))
  const lines = ['# Start date: 20261101', '# End date: 20261130', 'Date,Session source,Session medium,Session campaign,Session manual ad content,Landing page + query string,Sessions,Engaged sessions,Key events,Total revenue']
  for (let r = 0; r < ROWS; r++) {
    const i = (r * 7919) % (LINKS + 500) // some rows name no link of ours
    const day = `202611${String(1 + (r % 30)).padStart(2, '0')}`
    lines.push(`${day},${sources[i % 5]},${mediums[i % 5]},campaign-${i % (CAMPAIGNS + 5)},item-${i},/page-${i % 450},${1 + (r % 40)},${r % 30},${r % 3},${r % 11 === 0 ? '19.90' : '0'}`)
  }
  return { text: lines.join('\n'), links }
}

export default async function run(): Promise<BenchResult[]> {
  const { text, links } = fixture()
  const once = () => {
    const t0 = performance.now()
    const lines = text.split('\n')
    const table = parseCsvText(lines.slice(2).join('\n'), 'UTF-8')
    const read = readResults({ format: 'ga4', headers: table.headers, data: table.data, headerRow: 3, comments: lines.slice(0, 2) })
    const idx = buildMatchIndex({
      links, channelDefaults: [],
      campaigns: Array.from({ length: CAMPAIGNS }, (_, i) => ({ id: id('K', i), slug: `campaign-${i}` })),
      channels: []
    })
    let matched = 0
    for (const row of read.rows) if (matchRow(idx, row.utm, row.landing).ok) matched++
    if (read.rows.length !== ROWS) throw new Error(`read ${read.rows.length} rows, expected ${ROWS}`)
    return { ms: performance.now() - t0, matched }
  }
  once() // warm up
  const runs = [once(), once(), once()].sort((a, b) => a.ms - b.ms)
  const mid = runs[1]!
  return [
    ...(await summaryCase(text)),
    {
      name: `read and match ${ROWS.toLocaleString('en')} GA4 rows to ${LINKS.toLocaleString('en')} links`,
      value: Math.round(mid.ms),
      unit: 'ms',
      target: '≤ 2000 ms',
      note: `median of 3; ${mid.matched.toLocaleString('en')} rows matched; CSV parse + read + index + match, before any write`
    }
  ]
}
