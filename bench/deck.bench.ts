import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildDeckModel } from '../src/core/deck/buildDeckModel'
import type { DeckContentItem, DeckInput, DeckMeasurement } from '../src/core/deck/deckInput'
import { quarter } from '../src/core/goals/quarter'
import { createBackend } from '../src/main/backend/backend'
import { sql } from '../src/main/backend/db/sql'
import { writePdf } from '../src/main/backend/deck/writePdf'
import { writePptx } from '../src/main/backend/deck/writePptx'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { deckService } from '../src/main/backend/services/deckService'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

/**
 * Deck export on a large workspace, twice: (1) from an in-memory input (100,000 content items over 5
 * years, weekly measurements for 4 goals per quarter, 24 channels): model building plus file writing;
 * (2) end to end from the database: a demo workspace generated with 100,000 content items over 5
 * years (like `smo demo --content-items 100000 --years 5`), then the deck of the last complete
 * quarter read from SQLite, built, and written, as `smo deck` and the Review screen do.
 */
export default async function run(): Promise<BenchResult[]> {
  return [...(await fromMemory()), ...(await fromDatabase())]
}

async function fromDatabase(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-deck-db-bench-'))
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')))
    try {
      const g0 = performance.now()
      writeDemo(b, { contentItems: 100_000, years: 5 })
      const gen = performance.now() - g0
      const today = new Date(b.now()).toISOString().slice(0, 10)
      const q = quarter.previous(quarter.containing(today)).key
      const runs: { model: number; pptx: number; pdf: number; slides: number; items: number }[] = []
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        const model = deckService.model(b, q)
        const t1 = performance.now()
        await writePptx(model, join(dir, `deck${i}.pptx`))
        const t2 = performance.now()
        await writePdf(model, join(dir, `deck${i}.pdf`))
        const t3 = performance.now()
        const prov = model.slides.at(-1)?.blocks.find((x) => x.kind === 'table')
        const items = prov?.kind === 'table' ? Number((prov.rows.find((r) => r[0] === 'Content items')?.[1] ?? '0').replace(/,/g, '')) : 0
        runs.push({ model: t1 - t0, pptx: t2 - t0, pdf: t3 - t0, slides: model.slides.length, items })
      }
      const med = (k: 'model' | 'pptx' | 'pdf') => round(runs.map((r) => r[k]).sort((a, c) => a - c)[1] ?? 0)
      const total = ws.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item`)?.n ?? 0
      const note = `${total.toLocaleString('en-US')} content items in SQLite, quarter ${q}: ${runs[0]?.items.toLocaleString('en-US')} items read for it and the one before, ${runs[0]?.slides} slides; median of 3`
      return [
        { name: 'deck from DB: generate 100k-item workspace (setup, not a target)', value: round(gen), unit: 'ms' },
        { name: 'deck from DB: query + model', value: med('model'), unit: 'ms', note },
        { name: 'deck from DB: query + model + PPTX', value: med('pptx'), unit: 'ms', target: '< 3000 ms', note },
        { name: 'deck from DB: query + model + PPTX + PDF', value: med('pdf'), unit: 'ms', target: '< 5000 ms', note }
      ]
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function fromMemory(): Promise<BenchResult[]> {
  const input = bigInput()
  const dir = mkdtempSync(join(tmpdir(), 'smo-deck-bench-'))
  const nodeHash = () => {
    const h = createHash('sha256')
    return { update: (t: string) => void h.update(t, 'utf8'), digest: () => h.digest('hex') }
  }
  try {
    const t0 = performance.now()
    const model = buildDeckModel(input, { hasher: nodeHash })
    const t1 = performance.now()
    await writePptx(model, join(dir, 'deck.pptx'))
    const t2 = performance.now()
    await writePdf(model, join(dir, 'deck.pdf'))
    const t3 = performance.now()
    const note = `${input.contentItems.length.toLocaleString('en-US')} content items, ${input.measurements.length.toLocaleString('en-US')} measurements, ${model.slides.length} slides; generated in memory, no DB query`
    return [
      { name: 'deck: model (100k items, 5 y)', value: round(t1 - t0), unit: 'ms', note },
      { name: 'deck: model + PPTX', value: round(t2 - t0), unit: 'ms', target: '< 3000 ms', note },
      { name: 'deck: model + PPTX + PDF', value: round(t3 - t0), unit: 'ms', target: '< 5000 ms', note }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function round(ms: number): number {
  return Math.round(ms)
}

/** A deterministic pseudo-random generator, so every run measures the same workspace. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function bigInput(): DeckInput {
  const r = rng(42)
  const id = (p: string, n: number): string => `${p}${String(n).padStart(25 - p.length + 1, '0')}`
  const startMs = Date.UTC(2021, 9, 1)
  const days = 5 * 365
  const quarters: string[] = []
  for (let y = 2021; y <= 2026; y++) for (let q = 1; q <= 4; q++) quarters.push(`${y}-Q${q}`)
  const goals = quarters.flatMap((q, qi) =>
    [0, 1, 2, 3].map((g) => ({
      id: id('G', qi * 4 + g), objective: `Goal ${g + 1} of ${q}`, driver: 'revenue' as const, kind: 'count' as const, stretchTarget: null, kpiName: 'Leads', kpiUnit: 'leads',
      baseline: 0, target: 100 + g * 50, quarter: q, ownerId: null, priority: 5 - g, notes: ''
    }))
  )
  const measurements: DeckMeasurement[] = []
  for (const g of goals) {
    const [y, q] = g.quarter.split('-Q').map(Number)
    const qStart = Date.UTC(y ?? 2021, ((q ?? 1) - 1) * 3, 1)
    for (let w = 0; w < 13; w++) {
      const d = new Date(qStart + (w * 7 + 6) * 86_400_000).toISOString().slice(0, 10)
      measurements.push({ id: `${g.id}W${w}`, goalId: g.id, date: d, value: Math.round(g.target * (w + 1) / 13 * (0.8 + r() * 0.4)), source: 'crm' })
    }
  }
  const channels = Array.from({ length: 24 }, (_, i) => ({
    id: id('C', i), name: `Channel ${i + 1}`, platform: 'linkedin' as const, status: 'active' as const, ownerId: null,
    cadencePerWeek: 1 + (i % 5), hoursPerPost: 1 + (i % 3), fixedHoursPerMonth: i % 4, costPerMonth: (i % 3) * 200, goalLinks: []
  }))
  const statuses = ['published', 'published', 'published', 'scheduled', 'draft', 'cancelled'] as const
  const contentItems: DeckContentItem[] = Array.from({ length: 100_000 }, (_, i) => {
    const day = new Date(startMs + Math.floor(r() * days) * 86_400_000).toISOString().slice(0, 10)
    const status = statuses[i % statuses.length] ?? 'published'
    const published = status === 'published'
    return {
      id: id('K', i), title: `Post ${i}`, channelId: channels[i % channels.length]?.id ?? null, goalId: goals[i % goals.length]?.id ?? null,
      ownerId: null, status, plannedDate: day, publishAt: published ? `${day}T09:00:00Z` : null, effortHours: 1 + (i % 4),
      resultReach: published ? Math.round(r() * 5000) : null, resultEngagements: published ? Math.round(r() * 300) : null,
      resultClicks: published ? Math.round(r() * 100) : null, resultConversions: published ? Math.round(r() * 5) : null
    }
  })
  return {
    workspaceName: 'Bench workspace', quarter: '2026-Q2', generatedAt: '2026-07-02T09:00:00Z',
    members: [], goals, measurements, channels, contentItems, influencers: [], conversations: [], notes: [],
    hours: channels.map((c, i) => ({ channelId: c.id, currentHoursPerWeek: 2 + (i % 5), recommendedHoursPerWeek: 2 + ((i * 3) % 7), engineHoursPerWeek: null, decision: null })),
    predicted: channels.flatMap((c, i) => goals.filter((g) => g.quarter === '2026-Q2').map((g) => ({ channelId: c.id, goalId: g.id, point: 5 + (i % 7), low: null, high: null }))),
    scenario: 'the same hours as today, re-divided',
    money: { hourlyRate: 75, currency: 'USD' },
    planAsOf: null
  }
}
