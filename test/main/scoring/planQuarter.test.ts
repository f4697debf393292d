import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiOutput } from '../../../src/core/api/contract'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// Ten days before the demo quarter ends, the team has set one goal for the next quarter: Priorities
// plans either quarter, and next quarter's goal takes the channels' links of the same KPI (its own
// record is new, so no channel links it yet).
const NOW = Date.parse('2026-12-21T12:00:00Z')
let b: Backend
let cleanup: () => void
const { ok, fails } = dispatchCalls(() => b)
let next: { id: string; kpiName: string }

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => NOW))
  writeDemo(b)
  const list = await ok<ApiOutput<'score-list'>>('score-list', {})
  const linked = new Set(list.inputs.channels.flatMap((c) => c.links.map((l) => l.goalId)))
  const model = await ok<ApiOutput<'score-model'>>('score-model', {})
  const g = list.goals.find((x) => linked.has(x.id) && model.goals.find((m) => m.goalId === x.id)?.predicted === true && x.kpiUnit !== '%')
  if (g === undefined) throw new Error('the demo has no predicted, linked count goal')
  const id = (await ok<{ id: string }>('goal-create', { objective: `${g.name} next quarter`, driver: 'revenue', kpiName: g.kpiName, kpiUnit: g.kpiUnit, quarter: '2027-Q1', baseline: 0, target: 500 })).id
  next = { id, kpiName: g.kpiName }
})
afterEach(() => cleanup())

describe('Priorities plans the quarter under way or a later one with goals', () => {
  it('lists the quarters, plans next quarter’s goal over its whole period with the links of its KPI, and keeps no baseline for it', async () => {
    const now = await ok<ApiOutput<'score-list'>>('score-list', {})
    expect([now.quarter, now.quarters]).toEqual(['2026-Q4', ['2026-Q4', '2027-Q1']])
    const later = await ok<ApiOutput<'score-list'>>('score-list', { quarter: '2027-Q1' })
    expect(later.quarter).toBe('2027-Q1')
    expect(later.goals.map((g) => g.id)).toEqual([next.id])
    expect(later.snapshotTaken).toBeNull()
    expect(later.snapshots.every((s) => s.quarter !== '2027-Q1')).toBe(true)
    // Channels score against it through the links they hold to this quarter's goal of the same KPI.
    expect(later.inputs.channels.some((c) => c.links.some((l) => l.goalId === next.id && l.rate > 0))).toBe(true)

    const model = await ok<ApiOutput<'score-model'>>('score-model', { quarter: '2027-Q1' })
    expect(model.quarter).toBe('2027-Q1')
    const g = model.goals.find((x) => x.goalId === next.id)
    expect(g?.predicted, g?.why).toBe(true)
    // A whole quarter ahead predicts more than the ten days left of this one for the same KPI.
    const nowModel = await ok<ApiOutput<'score-model'>>('score-model', {})
    const sameKpi = nowModel.goals.find((x) => now.goals.find((y) => y.id === x.goalId)?.kpiName === next.kpiName)
    expect(g?.point ?? 0).toBeGreaterThan(sameKpi?.point ?? Infinity)
    // The quarter under way is unchanged: its goals keep their own links only.
    expect(now.goals.some((x) => x.id === next.id)).toBe(false)
  })

  it('refuses a quarter that cannot be one', async () => {
    const e = await fails('score-list', { quarter: '2027-Q5' })
    expect(e.message).toContain('Unknown quarter "2027-Q5"')
    const m = await fails('score-model', { quarter: 'next' })
    expect(m.message).toContain('Unknown quarter "next"')
  })
})
