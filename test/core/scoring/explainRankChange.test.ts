import { describe, expect, it } from 'vitest'
import { explainRankChange, scoreChannels, type ScoringChannel, type ScoringGoal } from '../../../src/core/scoring'
import { channel, goals, options } from './fixtures'

const snapshot = (channels: ScoringChannel[], g: ScoringGoal[] = goals) => ({
  results: scoreChannels(channels, g, options),
  channels,
  goals: g,
  options
})

describe('explainRankChange', () => {
  const before = [
    channel({ id: 'a', name: 'Newsletter', audience: 16_000 }),
    channel({ id: 'b', name: 'X', audience: 14_000 }),
    channel({ id: 'li', name: 'LinkedIn page', audience: 12_000 })
  ]

  it('names the input that changed and how rank and score moved', () => {
    const after = before.map((c) => (c.id === 'li' ? { ...c, audience: 18_000 } : c))
    const report = explainRankChange(snapshot(before), snapshot(after))
    const li = report.channels[0]
    expect(li?.id).toBe('li')
    expect(li?.rankDelta).toBe(2)
    expect(li?.sentence).toBe('LinkedIn page up 2 (score +50 %): audience 12,000 → 18,000 (+50 %)')
    expect(report.channels.find((c) => c.id === 'a')?.sentence).toBe('Newsletter down 1 (score ±0 %): own inputs unchanged; other channels moved')
    expect(report.sharedChanges).toEqual([])
  })

  it('reports rate, status and goal changes, new and removed channels', () => {
    const after = [
      { ...before[0]!, links: before[0]!.links.map((l) => (l.goalId === 'pipeline' ? { ...l, rate: 0.1 } : l)) },
      before[1]!,
      channel({ id: 'new', name: 'Podcast' })
    ]
    const g2 = goals.map((g) => (g.id === 'pipeline' ? { ...g, weight: 6 } : g))
    const report = explainRankChange(snapshot(before), snapshot(after, g2))
    expect(report.sharedChanges.map((c) => c.field)).toEqual(['goal:pipeline.weight'])
    const a = report.channels.find((c) => c.id === 'a')
    expect(a?.changes.map((c) => c.field)).toEqual(['rate:pipeline'])
    expect(a?.sentence).toMatch(/rate for Pipeline 0\.2 → 0\.1 \(−50 %\)$/)
    expect(report.channels.find((c) => c.id === 'new')?.sentence).toMatch(/^Podcast is new at #\d$/)
    expect(report.channels.find((c) => c.id === 'li')?.sentence).toBe('LinkedIn page was removed (was #3)')
    const x = report.channels.find((c) => c.id === 'b')
    expect(x?.sentence).toMatch(/own inputs unchanged; shared changes: Pipeline weight 3 → 6 \(\+100 %\)/)
  })

  it('is quiet when nothing changed', () => {
    const report = explainRankChange(snapshot(before), snapshot(before))
    expect(report.channels.every((c) => c.rankDelta === 0 && c.changes.length === 0)).toBe(true)
    expect(report.channels[0]?.sentence).toBe('Newsletter unchanged at #1 (score ±0 %): no input changed')
  })
})
