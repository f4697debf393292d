import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import { channelVerdict } from '../../../src/core/deck/channelVerdict'
import type { DeckModel } from '../../../src/core/deck/deckModel'
import { deckFixture } from './deckFixture'
import { verdictProblems } from './verdictCheck'

const names = (f: ReturnType<typeof deckFixture>) => new Map(f.channels.map((c) => [c.id, c.name]))

describe('channel verdicts agree with the allocation on every slide', () => {
  it('grow, keep, trim and stop follow the hours alone', () => {
    expect(channelVerdict({ currentHoursPerWeek: 4, recommendedHoursPerWeek: 6 })).toBe('grow')
    expect(channelVerdict({ currentHoursPerWeek: 10, recommendedHoursPerWeek: 10.8 })).toBe('keep')
    expect(channelVerdict({ currentHoursPerWeek: 10, recommendedHoursPerWeek: 7 })).toBe('trim')
    expect(channelVerdict({ currentHoursPerWeek: 3, recommendedHoursPerWeek: 0 })).toBe('stop')
    expect(channelVerdict({ currentHoursPerWeek: 0, recommendedHoursPerWeek: 2 })).toBe('grow')
  })

  it('the fixture deck: every slide read, no contradiction', () => {
    const f = deckFixture()
    expect(verdictProblems(buildDeckModel(f), f.hours, names(f))).toEqual([])
  })

  it('catches the old contradiction: "Rethink" on a channel the allocation grows', () => {
    const f = deckFixture()
    const m = buildDeckModel(f)
    const broken: DeckModel = {
      ...m,
      // The old matrix's wording: a quadrant heading, the channels as bullets under it.
      slides: m.slides.map((s) =>
        s.key === 'matrix' ? { ...s, blocks: [...s.blocks, { kind: 'text', lines: [{ text: 'Rethink (low impact, high effort)', bold: true }, { text: 'Blog', level: 1 }] }] } : s
      )
    }
    expect(verdictProblems(broken, f.hours, names(f))).toEqual([
      'slide 8 (matrix): Blog is "Rethink" but the allocation says Grow: Rethink (low impact, high effort) Blog'
    ])
  })

  it('a verdict set by a team decision names it', () => {
    const f = deckFixture()
    const m = buildDeckModel(f)
    const hours = m.slides.find((s) => s.key === 'hours')
    const table = hours?.blocks.find((b) => b.kind === 'table')
    expect(table?.kind === 'table' ? table.rows[0] : null).toEqual(['Blog', '6', '9', 'Grow (team decision)'])
  })
})

describe('matrix dot labels', () => {
  it('number the dots and merge dots that would sit on each other', async () => {
    const { dotLabels } = await import('../../../src/core/deck/channelSlides')
    expect(dotLabels([{ x: 10, y: 10, n: 1 }, { x: 50, y: 3, n: 2 }, { x: 10.5, y: 10.2, n: 3 }, { x: 100, y: 40, n: 4 }])).toEqual(['1, 3', '2', '', '4'])
  })

  it('a shared label as wide as its text does not run into the next one (the demo’s Q3 matrix drew "10" over "1,")', async () => {
    const { dotLabels } = await import('../../../src/core/deck/channelSlides')
    // Eleven channels: one far up and right, the rest low on the impact axis, several close together.
    const dots = [[85, 0], [27, 5], [45, 5], [10, 10], [70, 33], [300, 200], [10, 0], [40, 0], [78, 33], [55, 5], [55, 15]].map(([x = 0, y = 0], i) => ({ x, y, n: i + 1 }))
    const labels = dotLabels(dots)
    // Every number once.
    expect(labels.flatMap((l) => (l === '' ? [] : l.split(', ').map(Number))).sort((a, b) => a - b)).toEqual(dots.map((d) => d.n))
    // No two labels touch: centred on their dots, 1.4 % of the width a character plus a margin, 7 % of the height.
    const w = (l: string) => Math.max(0.08, l.length * 0.014 + 0.03)
    const placed = labels.flatMap((l, i) => (l === '' ? [] : [{ l, x: (dots[i]?.x ?? 0) / 300, y: (dots[i]?.y ?? 0) / 200 }]))
    for (const a of placed) for (const b of placed) if (a !== b) expect(Math.abs(a.y - b.y) < 0.07 && Math.abs(a.x - b.x) < (w(a.l) + w(b.l)) / 2, `${a.l} / ${b.l}`).toBe(false)
  })
})

describe('charts', () => {
  it('no legend entry for a series with nothing to draw (an empty previous quarter)', async () => {
    const { buildDeckModel: build } = await import('../../../src/core/deck/buildDeckModel')
    const f = deckFixture()
    const m = build({ ...f, conversations: f.conversations.filter((c) => c.occurredAt >= '2026-07-01') })
    const conv = m.slides.find((s) => s.key === 'conversations')?.blocks.find((b) => b.kind === 'chart')
    expect(conv?.kind === 'chart' && conv.chart.type !== 'scatter' ? conv.chart.series.map((s) => s.name) : null).toEqual(['2026-Q3'])
    for (const s of m.slides) {
      for (const b of s.blocks) {
        if (b.kind === 'chart' && b.chart.type !== 'scatter') for (const x of b.chart.series) expect(x.values.some((v) => v !== null && v !== 0), `${s.key}: ${x.name}`).toBe(true)
      }
    }
  })
})
