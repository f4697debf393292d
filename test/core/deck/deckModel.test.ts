import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import type { DeckInput } from '../../../src/core/deck/deckInput'
import type { DeckBlock, DeckModel, DeckSlide } from '../../../src/core/deck/deckModel'
import { deckFixture } from './deckFixture'

const slide = (m: DeckModel, key: string): DeckSlide => {
  const s = m.slides.find((x) => x.key === key)
  if (s === undefined) throw new Error(`no slide ${key}`)
  return s
}
const block = <K extends DeckBlock['kind']>(s: DeckSlide, kind: K, n = 0): Extract<DeckBlock, { kind: K }> => {
  const b = s.blocks.filter((x): x is Extract<DeckBlock, { kind: K }> => x.kind === kind)[n]
  if (b === undefined) throw new Error(`no ${kind} #${n} on ${s.key}`)
  return b
}
const texts = (s: DeckSlide, n = 0): string[] => block(s, 'text', n).lines.map((l) => l.text)
const chart = (s: DeckSlide) => block(s, 'chart').chart

describe('buildDeckModel on the fixed workspace', () => {
  const m = buildDeckModel(deckFixture())

  it('has the slides of the brief in order, numbered, titled and dated', () => {
    expect(m.slides.map((s) => s.key)).toEqual([
      'title', 'summary', 'goal:G1', 'goal:G2', 'goal:G3', 'results', 'channels', 'matrix', 'output', 'top-content',
      'influencers', 'conversations', 'next-goals', 'hours', 'decisions', 'appendix-goals', 'appendix-channels', 'provenance'
    ])
    m.slides.forEach((s, i) => {
      expect(s.number).toBe(i + 1)
      expect(s.title).not.toBe('')
      expect(s.date).toBe('2026-10-02')
      expect(s.subtitle).toBe('Acme Marketing · 2026-Q3 · 1 Jul – 30 Sep 2026')
      expect(s.speakerNotes.length).toBeGreaterThan(40)
      expect(s.emptyMessage).toBe(s.key === 'next-goals' ? 'No goals are proposed for 2026-Q4 yet: add them on the Goals screen before the review.' : null)
    })
    expect(m).toMatchObject({ quarter: '2026-Q3', previousQuarter: '2026-Q2', asOf: '2026-09-30' })
  })

  it('executive summary: biggest win, biggest miss, the one decision asked, goal notes with their goals, and the team note', () => {
    const s = slide(m, 'summary')
    expect(texts(s)).toEqual([
      '1 of 3 goals hit, 2 missed.',
      'Biggest win',
      'Achieved: Grow qualified pipeline. Leads 130 leads vs target 120 leads (baseline 0), 108% of the way.',
      'Team note: The buyer’s guide did most of it 🚀',
      'Biggest miss',
      'Missed: Faster first reply. First reply 10 h vs target 8 h (baseline 24), 88% of the way.',
      'The one decision asked',
      "Agree to give Blog 3 hours more a week (6 → 9) and take 2 hours a week from LinkedIn company page (10 → 8) in 2026-Q4. This needs 1 hour more a week than today's plan (16 h).",
      '2026-Q2: 1 of 1 goals hit.'
    ])
    expect(block(s, 'note').lines).toEqual(['Pipeline goal exceeded; keep the LinkedIn cadence. (Ana Ruiz)'])
  })

  it('executive summary of a quarter under way: a goal with no measurement is not "at risk", and no goal is said to have reached its target that has not', () => {
    const interim = { generatedAt: '2026-09-15T09:00:00Z', asOf: '2026-09-15' }
    const only = (ids: string[]) => ({ ...deckFixture(), ...interim, goals: deckFixture().goals.filter((g) => ids.includes(g.id) || g.quarter !== '2026-Q3') })
    // A new team's first goal, nothing measured yet.
    const unmeasured = texts(slide(buildDeckModel(only(['G3'])), 'summary'))
    expect(unmeasured[0]).toBe('Interim, as of 15 Sep 2026: 0 of 1 goals hit so far, 0 on track, 0 at risk or behind, 1 with no measurement yet.')
    expect(unmeasured[unmeasured.indexOf('Biggest miss') + 1]).toBe('None measured yet: 1 goal with a target has no measurement this quarter.')
    // One goal measured and short of its target (it is also the biggest win), one not measured.
    const one = texts(slide(buildDeckModel(only(['G1', 'G3'])), 'summary'))
    expect(one[one.indexOf('Biggest miss') + 1]).toBe('None to compare: the goal above is the only one measured so far, and it has not reached its target; 1 goal has no measurement yet.')
    expect(one.join(' ')).not.toContain('every goal with a target reached it')
  })

  it('scorecard: a money goal’s results are amounts, not KPI units, and are not added to a channel’s units', () => {
    const input = deckFixture()
    const units = (m: DeckModel) => new Map(block(slide(m, 'channels'), 'table').rows.map((r) => [r[0], r[3]]))
    const counted = units(buildDeckModel(input))
    // G1 (leads: Blog 24, LinkedIn 15) becomes a pipeline goal in euros: those results leave the units.
    const money = units(buildDeckModel({ ...input, goals: input.goals.map((g) => (g.id === 'G1' ? { ...g, kind: 'money' as const, kpiUnit: '€' } : g)) }))
    expect([counted.get('Blog'), counted.get('LinkedIn company page')]).toEqual(['24', '15'])
    expect([money.get('Blog'), money.get('LinkedIn company page')]).toEqual(['0', '0'])
  })

  it('goal slide: weekly actual, plan and trend; progress table; contributing channels', () => {
    const s = slide(m, 'goal:G1')
    const c = chart(s)
    if (c.type === 'scatter') throw new Error('line expected')
    expect(c.type).toBe('line')
    expect(c.categories).toHaveLength(13)
    expect(c.series.map((x) => x.name)).toEqual(['Actual', 'Plan to target', 'Trend'])
    expect(c.series[0]?.values).toEqual([0, 0, 0, 0, 40, 40, 40, 40, 90, 90, 90, 90, 130])
    expect(c.series[1]?.values[12]).toBe(120)
    expect(c.series[1]?.values[0]).toBe(9.13) // 120 × 7 / 92
    expect(c.series[2]?.values[12]).toBe(130.58)
    expect(block(s, 'table', 0).rows).toEqual([
      ['Status', 'Achieved'],
      ['Baseline', '0 leads'],
      ['Target', '120 leads'],
      ['Latest', '130 leads (2026-09-30)'],
      ['Progress', '108%'],
      ['Pace needed', '– (quarter over)'],
      ['Trend', '+10 leads per week'],
      ['Projected at quarter end', '130.6 leads']
    ])
    expect(block(s, 'table', 1).rows).toEqual([
      ['Blog', '1', '24', '62%'],
      ['LinkedIn company page', '3', '15', '38%']
    ])
  })

  it('lower-is-better goal and a goal without measurements', () => {
    const g2 = slide(m, 'goal:G2')
    expect(block(g2, 'table', 0).rows.slice(0, 5)).toEqual([
      ['Status', 'Missed'], ['Baseline', '24 h'], ['Target', '8 h'], ['Latest', '10 h (2026-09-30)'], ['Progress', '88%']
    ])
    expect(block(g2, 'table', 0).footnote).toBe('Lower is better for this goal.')
    expect(block(g2, 'table', 1).footnote).toBe('No published content or channel is linked to this goal.')
    expect(block(g2, 'note').lines).toEqual(['Start a support rotation in October. (Ben Okafor)'])
    const g3 = slide(m, 'goal:G3')
    expect(g3.blocks.some((b) => b.kind === 'chart')).toBe(false)
    expect(texts(g3)[0]).toBe('No measurement recorded for this goal in 2026-Q3.')
  })

  it('a goal of the quarter under way that no channel links to says the priority model neither predicts it nor gives it hours', () => {
    const interim = buildDeckModel({ ...deckFixture(), generatedAt: '2026-09-15T09:00:00Z', asOf: '2026-09-15' })
    const g2 = slide(interim, 'goal:G2')
    expect(block(g2, 'table', 1).footnote).toBe('Nothing linked to this goal: not predicted, no hours.')
    expect(g2.speakerNotes).toContain('the priority model does not predict it from the plan and gives it no hours. It is tracked by hand')
    expect(block(slide(interim, 'goal:G1'), 'table', 1).footnote).toBeNull()
    expect(slide(interim, 'goal:G1').speakerNotes).not.toContain('does not predict it')
  })

  it('channel scorecard: effort, impact, impact per hour, change vs previous quarter', () => {
    const s = slide(m, 'channels')
    // Blog: 2 posts × 6 h; 24 units → 2/h (Q2: 6/6 = 1). LinkedIn: 3 × 2 h + 3 × 4 fixed = 18 h; 15 units (Q2: 8/16).
    expect(block(s, 'table').rows).toEqual([
      ['Blog', '2', '12', '24', '2', '+100%'],
      ['LinkedIn company page', '3', '18', '15', '0.83', '+67%']
    ])
    expect(chart(s)).toMatchObject({ categories: ['Blog', 'LinkedIn company page'], series: [{ values: [2, 0.83] }, { values: [1, 0.5] }] })
  })

  it('priority matrix: points and median quadrants', () => {
    const s = slide(m, 'matrix')
    // Dots carry numbers (names collided in every viewer); the text lists them per quadrant.
    expect(chart(s)).toMatchObject({ type: 'scatter', points: [{ label: '1', x: 12, y: 24 }, { label: '2', x: 18, y: 15 }] })
    // Quadrants describe the quarter; no verdict words (the old "Rethink" contradicted the allocation).
    expect(texts(s)).toEqual([
      'More results, fewer hours', '1 · Blog', 'More results, more hours', 'none',
      'Fewer results, fewer hours', 'none', 'Fewer results, more hours', '2 · LinkedIn company page',
      'What each channel gets in 2026-Q4 is on the next-quarter slide.'
    ])
  })

  it('output vs plan with cadence adherence', () => {
    // Blog cadence 1: one post in W1 and W2 → 2 of 13 weeks on plan. LinkedIn cadence 3: 3 posts in W1 → 1 of 13.
    expect(block(slide(m, 'output'), 'table').rows).toEqual([
      ['Blog', '13', '2', '2', '15%', '15%'],
      ['LinkedIn company page', '39', '4', '3', '8%', '8%']
    ])
  })

  it('top content by the share of its goal it brought, then result and reach, each result in its goal’s unit', () => {
    const t = block(slide(m, 'top-content'), 'table')
    expect(t.title).toBe('Top 5 of 5 published items')
    expect(t.rows.map((r) => [r[0], r[5], r[6]])).toEqual([
      ['Buyer’s guide', '24 leads', '20%'], ['Launch post', '10 leads', '8.3%'], ['Customer quote', '5 leads', '4.2%'], ['Team photo', '0 leads', '0%'], ['Newsletter teaser', '0', '0%']
    ])
    expect(t.rows[1]).toEqual(['Launch post', 'LinkedIn company page', '2026-07-02', '5,000', '300', '10 leads', '8.3%'])
    // A pipeline goal in euros no longer ranks first by the size of its numbers: 30 € of a 10,000 € goal
    // (0.3 %) comes after 24 of 120 leads (20 %).
    const input = deckFixture()
    const money = { ...input, goals: input.goals.map((g) => (g.id === 'G3' ? { ...g, kind: 'money' as const, kpiUnit: '€', baseline: 0, target: 10_000 } : g)), contentItems: input.contentItems.map((c) => (c.id === 'K5' ? { ...c, resultConversions: 30 } : c)) }
    const ranked = block(slide(buildDeckModel(money), 'top-content'), 'table').rows.map((r) => [r[0], r[5], r[6]])
    expect(ranked.slice(0, 4)).toEqual([['Buyer’s guide', '24 leads', '20%'], ['Launch post', '10 leads', '8.3%'], ['Customer quote', '5 leads', '4.2%'], ['Newsletter teaser', '30 €', '0.3%']])
  })

  it('influencer pipeline movement by stage', () => {
    const s = slide(m, 'influencers')
    expect(block(s, 'table').title).toBe('3 stage moves this quarter')
    expect(block(s, 'table').rows.slice(0, 3)).toEqual([['Identified', '1', '1', '0'], ['Following', '1', '1', '2'], ['Engaged', '0', '1', '1']])
    expect(texts(s)).toEqual([
      'Moves',
      'Sam Lee: new → Identified (15 Jul)',
      'Дмитрий Ковалёв: Identified → Engaged (10 Aug)',
      'Sam Lee: Identified → Following (1 Sep)'
    ])
  })

  it('conversations identified, routed, resolved, time to route, themes', () => {
    const s = slide(m, 'conversations')
    expect(block(s, 'table').rows).toEqual([
      ['Identified', '3', '1'], ['Routed', '2', '0'], ['Resolved', '1', '0'], ['Median time to route', '3 h', '–']
    ])
    expect(texts(s)).toEqual(['Product feedback themes (2 conversations)', 'export: 2', 'calendar: 1'])
  })

  it('next quarter: proposed goals, the split with verdicts from it, the asks; decisions slide gathers notes', () => {
    expect(slide(m, 'next-goals').emptyMessage).toBe('No goals are proposed for 2026-Q4 yet: add them on the Goals screen before the review.')
    const f = deckFixture()
    const winter = { id: 'G4', objective: 'Winter pipeline', driver: 'revenue', kind: 'count', kpiName: 'Leads', kpiUnit: 'leads', baseline: 0, target: 150, stretchTarget: 180, quarter: '2026-Q4', ownerId: 'M1', priority: 5, notes: '' } as const
    const care = { ...winter, id: 'G5', objective: 'Community care', kind: 'rate', kpiName: 'Answered in 24 h', kpiUnit: '%', target: null, stretchTarget: null, priority: 3 } as const
    const withNext = buildDeckModel({ ...f, goals: [...f.goals, winter, care] })
    expect(block(slide(withNext, 'next-goals'), 'table').rows).toEqual([
      ['Winter pipeline', 'Leads (leads)', 'Ana Ruiz', '0', '150 (stretch 180)', '5 of 5'],
      ['Community care', 'Answered in 24 h (%)', 'Ana Ruiz', '0', 'no target', '3 of 5']
    ])
    const s = slide(m, 'hours')
    expect(s.title).toBe('Next quarter: where the hours go in 2026-Q4')
    expect(block(s, 'table').title).toBe('Total 16 → 17 h/week')
    expect(block(s, 'table').rows).toEqual([['Blog', '6', '9', 'Grow (team decision)'], ['LinkedIn company page', '10', '8', 'Trim']])
    expect(texts(s)).toEqual([
      'The asks',
      "Hours: 17 a week, 1 more than today's plan (16); they must come from other work or new capacity.",
      'Budget: USD 1,500 for the quarter in channel costs, unchanged.',
      'Blog: set to 9 h/week by the team: Only one writer (2026-09-28); the model alone: 11 h/week'
    ])
    expect(texts(slide(m, 'decisions'))).toEqual([
      'Executive summary', 'Pipeline goal exceeded; keep the LinkedIn cadence. (Ana Ruiz)',
      'Faster first reply', 'Start a support rotation in October. (Ben Okafor)',
      'Channel hours', 'Blog: set to 9 h/week by the team: Only one writer (2026-09-28)'
    ])
  })

  it('results by channel: hours, spend, results per goal, hours and cost per result, predicted against actual', () => {
    const t = block(slide(m, 'results'), 'table')
    expect(t.columns.map((c) => c.label)).toEqual(['Channel', 'Goal', 'Hours', 'Spend', 'Results', 'Predicted', 'h/result', 'Cost/result'])
    expect(t.rows).toEqual([
      ['Blog', 'Leads', '12', 'USD 0', '24', '30', '0.5', 'USD 38'],
      ['', 'Subscribers', '', '', '0', '4', '–', '–'],
      ['LinkedIn company page', 'Leads', '18', 'USD 1,500', '15', '18 (10–26)', '1.2', 'USD 190']
    ])
  })

  it('provenance: counts and the input hash', () => {
    const s = slide(m, 'provenance')
    expect(block(s, 'table').rows).toContainEqual(['Content items', '11', '7', '3'])
    expect(block(s, 'table').rows).toContainEqual(['Goal measurements', '6', '5', '1'])
    expect(m.inputHash).toMatch(/^[0-9a-f]{64}$/)
    expect(texts(s).slice(1, 3).join('')).toBe(m.inputHash)
  })
})

describe('determinism and empty sections', () => {
  it('same data in another order and at another time gives the same deck apart from the generation date', () => {
    const a = buildDeckModel(deckFixture())
    const shuffled: DeckInput = { ...deckFixture(), generatedAt: '2026-11-15T17:30:00Z', asOf: '2026-09-30' }
    for (const k of ['goals', 'measurements', 'channels', 'contentItems', 'influencers', 'conversations', 'notes', 'hours', 'members'] as const) {
      Object.assign(shuffled, { [k]: [...shuffled[k]].reverse() })
    }
    const b = buildDeckModel(shuffled)
    expect(b.inputHash).toBe(a.inputHash)
    const strip = (m: DeckModel): unknown =>
      JSON.parse(JSON.stringify({ ...m, generatedAt: '', slides: m.slides.filter((s) => s.key !== 'title').map((s) => ({ ...s, date: '' })) }))
    expect(strip(b)).toEqual(strip(a))
  })

  it('a different value changes the hash', () => {
    const changed = deckFixture()
    changed.measurements = changed.measurements.map((x) => (x.id === 'X3' ? { ...x, value: 131 } : x))
    expect(buildDeckModel(changed).inputHash).not.toBe(buildDeckModel(deckFixture()).inputHash)
  })

  it('the pure hash equals node:crypto SHA-256 through the hasher option', () => {
    const nodeHasher = () => {
      const h = createHash('sha256')
      return { update: (t: string) => void h.update(t, 'utf8'), digest: () => h.digest('hex') }
    }
    expect(buildDeckModel(deckFixture(), { hasher: nodeHasher }).inputHash).toBe(buildDeckModel(deckFixture()).inputHash)
  })

  it('an empty quarter says so plainly on every section', () => {
    const m = buildDeckModel({
      workspaceName: 'Empty', quarter: '2026-Q1', generatedAt: '2026-04-01T00:00:00Z', members: [], goals: [], measurements: [],
      channels: [], contentItems: [], influencers: [], conversations: [], notes: [], hours: [], predicted: [],
      scenario: 'the same hours as today, re-divided', money: { hourlyRate: 75, currency: 'USD' }, planAsOf: null
    })
    const empty = Object.fromEntries(m.slides.map((s) => [s.key, s.emptyMessage]))
    expect(empty).toEqual({
      title: null,
      summary: 'No goals were set for 2026-Q1.',
      results: 'No channel was active or published content this quarter.',
      channels: 'No channel was active or published content this quarter.',
      matrix: 'No channel recorded effort or results this quarter.',
      output: 'No content was planned or published this quarter.',
      'top-content': 'No content was published this quarter.',
      influencers: 'No influencer moved stage this quarter.',
      conversations: 'No conversations were logged this quarter.',
      'next-goals': 'No goals are proposed for 2026-Q2 yet: add them on the Goals screen before the review.',
      hours: 'No split of hours could be computed for 2026-Q2: no channel has estimates yet.',
      decisions: 'No decisions or notes were recorded for this quarter.',
      'appendix-goals': 'No goals were set for 2026-Q1.',
      'appendix-channels': 'No channels are set up in this workspace.',
      provenance: null
    })
    for (const s of m.slides) if (s.emptyMessage !== null) expect(s.blocks.some((b) => b.kind === 'chart')).toBe(false)
  })

  it('refuses a malformed quarter with one readable line', () => {
    expect(() => buildDeckModel({ ...deckFixture(), quarter: '2026-Q5' })).toThrow('Unknown quarter "2026-Q5": use YYYY-Qn with n from 1 to 4, e.g. 2026-Q4')
  })
})
