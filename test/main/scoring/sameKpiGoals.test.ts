import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiOutput } from '../../../src/core/api/contract'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { tempBackend } from '../helpers/tempWorkspace'

// A team with two goals on one KPI in a quarter (one per region): Priorities' sliders, predictions
// and the model's table named both by the KPI alone, so nobody could tell which was which.
const NOW = Date.parse('2026-11-10T12:00:00Z')
let b: Backend
let cleanup: () => void
const { ok } = dispatchCalls(() => b)

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => NOW))
  writeDemo(b)
})
afterEach(() => cleanup())

describe('goals that share a KPI', () => {
  it('are named by KPI and objective in the scoring and the model; the others keep their KPI name', async () => {
    const before = await ok<ApiOutput<'score-list'>>('score-list', {})
    const first = before.goals.find((g) => g.kpiUnit !== '%')
    if (first === undefined) throw new Error('the demo has a count goal')
    const id = (await ok<{ id: string }>('goal-create', { objective: 'US pipeline', driver: 'revenue', kpiName: first.kpiName, kpiUnit: first.kpiUnit, quarter: before.quarter, baseline: 0, target: 100 })).id
    const list = await ok<ApiOutput<'score-list'>>('score-list', {})
    const names = new Map(list.goals.map((g) => [g.id, g.name]))
    expect(names.get(id)).toBe(`${first.kpiName} (US pipeline)`)
    expect(names.get(first.id)).toMatch(new RegExp(`^${first.kpiName} \\(.+\\)$`))
    expect(names.get(first.id)).not.toBe(names.get(id))
    for (const g of list.goals) if (g.kpiName !== first.kpiName) expect(g.name).toBe(before.goals.find((x) => x.id === g.id)?.name)
    const model = await ok<ApiOutput<'score-model'>>('score-model', {})
    const modelNames = model.goals.filter((g) => g.goalId === id || g.goalId === first.id).map((g) => g.name)
    expect(new Set(modelNames).size).toBe(2)
    expect(modelNames).toContain(`${first.kpiName} (US pipeline)`)
  })
})
