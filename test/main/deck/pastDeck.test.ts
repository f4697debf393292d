import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput } from '../../../src/core/api/contract'
import { quarter } from '../../../src/core/goals/quarter'
import { dispatch } from '../../../src/main/backend/dispatch'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { deckService } from '../../../src/main/backend/services/deckService'
import { recordService } from '../../../src/main/backend/services/recordService'
import { resultsSummaryOf } from '../../../src/main/backend/links/resultsSummaryOf'
import { verdictProblems } from '../../core/deck/verdictCheck'
import { tempBackend } from '../helpers/tempWorkspace'

// The demo is written on 2 Oct 2026, so 2026-Q3 has just ended; "next month" is 5 Nov.
let clock = Date.parse('2026-10-02T09:00:00Z')
let b: Backend
let cleanup: () => void
beforeAll(async () => {
  ;({ b, cleanup } = await tempBackend(() => clock))
  writeDemo(b, { today: '2026-10-02' })
})
afterAll(() => cleanup())

type Row = { id: string; name: string }

describe('a deck for an ended quarter keeps the plan it had (issue #13 item 8)', () => {
  it('changing a pin and an estimate next month gives the same deck, the same input hash and the same hours', () => {
    const channels = b.db.all<Row>(sql`SELECT id, name FROM channel WHERE deleted_at IS NULL AND status = 'active' ORDER BY name`)
    const [first, second] = channels
    if (first === undefined || second === undefined) throw new Error('the demo has active channels')
    recordService.create(b, 'pin', { channelId: first.id, minHours: 3, exclude: false, reason: 'Agreed with sales in September' })
    clock = Date.parse('2026-10-02T10:00:00Z')
    const before = deckService.model(b, '2026-Q3')
    // The pin was set after 30 Sep: it did not exist when the quarter ran, so it does not steer it.
    expect(JSON.stringify(before.slides)).not.toContain('Agreed with sales in September')

    clock = Date.parse('2026-11-05T09:00:00Z')
    const pin = b.db.get<{ id: string }>(sql`SELECT id FROM pin WHERE channel_id = ${first.id}`)
    recordService.update(b, 'pin', { id: pin?.id ?? '', minHours: 9 })
    recordService.update(b, 'channel', { id: second.id, hoursPerPost: 11, cadencePerWeek: 7 })
    recordService.create(b, 'pin', { channelId: second.id, minHours: 0, exclude: true, reason: 'Paused for the rebrand' })
    const after = deckService.model(b, '2026-Q3')

    expect(after.inputHash).toBe(before.inputHash)
    // Every slide but the cover, which prints when the deck was generated.
    const body = (m: typeof before) => m.slides.filter((s) => s.key !== 'title').map((s) => s.blocks)
    expect(body(after)).toEqual(body(before))
    expect(JSON.stringify(after.slides.find((s) => s.key === 'title'))).toContain('as they stood on 30 Sep 2026')

    // The live quarter does see today's plan: the same change moves Q4's deck.
    const live = deckService.model(b, '2026-Q4')
    expect(JSON.stringify(live.slides)).toContain('Paused for the rebrand')
  })

  it("costs an ended quarter at the rate, budgets and channel costs it had: raising them later changes neither the ledger slide nor the hash", () => {
    clock = Date.parse('2026-11-05T11:00:00Z')
    const before = deckService.model(b, '2026-Q3')
    const ledger = (m: typeof before) => JSON.stringify(m.slides.find((s) => s.key === 'ledger')?.blocks ?? null)
    expect(ledger(before)).not.toBe('null')
    // Every Q3 campaign's budget and every channel's monthly cost go up, and so does the hourly rate.
    clock = Date.parse('2026-11-06T09:00:00Z')
    for (const c of b.db.all<{ id: string; budget: number }>(sql`SELECT id, budget FROM campaign WHERE deleted_at IS NULL AND start_date <= '2026-09-30' AND end_date >= '2026-07-01'`))
      recordService.update(b, 'campaign', { id: c.id, budget: c.budget + 50_000 })
    for (const c of b.db.all<{ id: string; cost_per_month: number }>(sql`SELECT id, cost_per_month FROM channel WHERE deleted_at IS NULL AND status <> 'retired'`))
      recordService.update(b, 'channel', { id: c.id, costPerMonth: c.cost_per_month + 1000 })
    const profile = b.db.get<{ id: string; rate: number }>(sql`SELECT id, blended_hourly_rate AS rate FROM workspace_profile WHERE deleted_at IS NULL`)
    recordService.update(b, 'workspaceProfile', { id: profile?.id ?? '', blendedHourlyRate: (profile?.rate ?? 0) + 40 })
    const after = deckService.model(b, '2026-Q3')
    expect(ledger(after)).toBe(ledger(before))
    expect(after.inputHash).toBe(before.inputHash)
    // Today's figures still cost today's results: the Results screen costs Q3 at the new rate; the deck's day, at the old one.
    expect(resultsSummaryOf(b, { groupBy: 'campaign', from: '2026-07-01', to: '2026-09-30' }).hourlyRate).toBe((profile?.rate ?? 0) + 40)
    expect(resultsSummaryOf(b, { groupBy: 'campaign', from: '2026-07-01', to: '2026-09-30' }, '2026-09-30').hourlyRate).toBe(profile?.rate)
  })

  it('every verdict on every slide of the demo deck agrees with its allocation', async () => {
    const { deckHours } = await import('../../../src/main/backend/services/deckHours')
    const channels = new Map(b.db.all<Row>(sql`SELECT id, name FROM channel`).map((c) => [c.id, c.name]))
    const live = deckService.model(b, '2026-Q4')
    expect(verdictProblems(live, deckHours(b, quarter.of('2026-Q4'), null).hours, channels)).toEqual([])
    const past = deckService.model(b, '2026-Q3')
    expect(verdictProblems(past, deckHours(b, quarter.of('2026-Q3'), '2026-09-30').hours, channels)).toEqual([])
  })

  it('speaks plainly: no "engine", no record ids, and "pin" only where it is explained', () => {
    for (const q of ['2026-Q3', '2026-Q4']) {
      const m = deckService.model(b, q)
      const strings = m.slides.flatMap((s) => [
        s.title, s.subtitle, s.speakerNotes, s.emptyMessage ?? '',
        ...s.blocks.flatMap((x) =>
          x.kind === 'text' ? x.lines.map((l) => l.text)
          : x.kind === 'note' ? [x.title, ...x.lines]
          : x.kind === 'table' ? [x.title, x.footnote ?? '', ...x.columns.map((c) => c.label), ...x.rows.flat()]
          : [x.chart.title]
        )
      ])
      // The provenance slide prints the input hash on purpose; ids are ULIDs (26 Crockford characters).
      expect(strings.filter((t) => /\bengines?\b/i.test(t))).toEqual([])
      expect(strings.filter((t) => /\b[0-9A-HJKMNP-TV-Z]{26}\b/.test(t))).toEqual([])
      expect(strings.filter((t) => /\bpin(s|ned)?\b/i.test(t) && !/minimum/.test(t))).toEqual([])
    }
  })

  it('the next-quarter hours are the numbers Priorities shows (score-model, its default scenario)', async () => {
    const r = await dispatch(b, 'score-model', { scenario: 'same-hours', draws: 0 })
    if (!r.ok) throw new Error(r.error.message)
    const screen = (r.data as ApiOutput<'score-model'>).allocation.rows
    const { deckHours } = await import('../../../src/main/backend/services/deckHours')
    const deck = deckHours(b, quarter.of('2026-Q4'), null).hours
    expect(deck.length).toBeGreaterThan(5)
    for (const row of deck) {
      const same = screen.find((x) => x.channelId === row.channelId)
      expect(Math.round((same?.hours ?? -1) * 10) / 10, row.channelId).toBe(row.recommendedHoursPerWeek)
      expect(Math.round((same?.currentHours ?? -1) * 10) / 10, row.channelId).toBe(row.currentHoursPerWeek)
    }
  })
})
