import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput, ApiResult } from '../../../src/core/api/contract'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { computePriorities, savedWeights } from '../../../src/renderer/src/features/priorities/computePriorities'
import { tempBackend } from '../helpers/tempWorkspace'

// The Priorities screen re-ranks in the renderer from the inputs `score-list` sends once. These tests
// hold it to the backend's answer on the demo, so the what-if can never drift from what is saved.
let b: Backend
let cleanup: () => void
beforeAll(async () => {
  ;({ b, cleanup } = await tempBackend(() => Date.parse('2026-11-23T10:00:00Z')))
  writeDemo(b, { today: '2026-11-23' })
})
afterAll(() => cleanup())

async function ok<M extends 'score-list' | 'score-allocate'>(method: M, input: object): Promise<ApiOutput<M>> {
  const r = (await dispatch(b, method, input)) as ApiResult<ApiOutput<M>>
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

describe('what-if in the renderer matches the backend', () => {
  it('with the saved weights', async () => {
    const data = await ok('score-list', {})
    const live = computePriorities(data, { weights: savedWeights(data), capacityHours: data.capacityHours })
    expect(live.ranked).toEqual(data.channels)
    const backend = await ok('score-allocate', {})
    expect(live.allocation).toEqual(backend.allocation)
    expect(live.targets).toEqual(backend.targets)
  })

  it('with changed weights and capacity, before they are saved', async () => {
    const data = await ok('score-list', {})
    const weights = data.goals.map((g, i) => ({ goalId: g.id, weight: i === 0 ? 0 : 4 + i }))
    const live = computePriorities(data, { weights: new Map(weights.map((w) => [w.goalId, w.weight])), capacityHours: 55 })
    const whatIf = await ok('score-list', { weights })
    expect(live.ranked).toEqual(whatIf.channels)
    expect(live.ranked.map((c) => c.id)).not.toEqual(data.channels.map((c) => c.id))
    expect(live.allocation).toEqual((await ok('score-allocate', { weights, capacityHours: 55 })).allocation)
  })
})
