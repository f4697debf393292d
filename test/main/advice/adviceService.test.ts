import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiOutput, ApiResult } from '../../../src/core/api/contract'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { tempBackend } from '../helpers/tempWorkspace'

// The advice methods on a real demo workspace in a temp folder, through the same dispatch every host uses.
const clock = Date.parse('2026-11-23T10:00:00Z')
let b: Backend
let cleanup: () => void
beforeAll(async () => {
  ;({ b, cleanup } = await tempBackend(() => clock))
  writeDemo(b, { today: '2026-11-23' })
})
afterAll(() => cleanup())

async function ok<M extends 'advice-get' | 'advice-republish-add'>(method: M, input: unknown): Promise<ApiOutput<M>> {
  const r = (await dispatch(b, method, input)) as ApiResult<ApiOutput<M>>
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data
}
async function fails(method: string, input: unknown) {
  const r = await dispatch(b, method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}
const contentCount = (): number => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item WHERE deleted_at IS NULL`)?.n ?? -1

describe('advice service on the demo workspace', () => {
  it('names best times only where the results support it, and says "not enough data" elsewhere', async () => {
    const a = await ok('advice-get', {})
    expect(a.asOf).toBe('2026-11-23')
    const byName = new Map(a.timing.map((t) => [t.channelName, t]))
    expect(byName.get('Northwind blog')?.best[0]?.label).toBe('Tuesday')
    expect(byName.get('Northwind blog')?.best[0]?.posts).toBeGreaterThanOrEqual(10)
    expect(byName.get('X / @northwinddata')?.status).toBe('no-clear-pattern')
    expect(byName.get('Industry events')?.status).toBe('not-enough-data')
    // Paused and retired channels get no advice.
    expect(byName.has('Snowpine partner newsletter')).toBe(false)
  })

  it('offers evergreen top performers past the cool-down, and a longer cool-down offers fewer', async () => {
    const a = await ok('advice-get', {})
    expect(a.republish.coolDownDays).toBe(90)
    expect(a.republish.candidates.length).toBeGreaterThan(3)
    for (const c of a.republish.candidates) {
      expect(c.daysSince).toBeGreaterThanOrEqual(90)
      expect(c.lift).toBeGreaterThanOrEqual(c.threshold)
      expect(c.copyId).toBeNull()
    }
    const longer = await ok('advice-get', { coolDownDays: 400 })
    expect(longer.republish.candidates.every((c) => c.daysSince >= 400)).toBe(true)
    expect(longer.republish.candidates.map((c) => c.itemId)).not.toEqual(a.republish.candidates.map((c) => c.itemId))
    const bad = await fails('advice-get', { coolDownDays: -1 })
    expect(bad.code).toBe('invalid_input')
    expect(bad.issues[0]?.path).toEqual(['coolDownDays'])
  })

  it('puts one backlog copy linked to the original, and offering it again adds nothing', async () => {
    const before = contentCount()
    const [first] = (await ok('advice-get', {})).republish.candidates
    if (first === undefined) throw new Error('no candidate')
    const made = await ok('advice-republish-add', { itemId: first.itemId })
    expect(made.created).toBe(true)
    expect(contentCount()).toBe(before + 1)
    const copy = b.db.get<{ status: string; planned_date: string | null; brief: string; channel_id: string; title: string }>(
      sql`SELECT status, planned_date, brief, channel_id, title FROM content_item WHERE id = ${made.copyId}`
    )
    expect(copy).toMatchObject({ status: 'idea', planned_date: null, channel_id: first.channelId, title: first.title })
    expect(copy?.brief).toContain(`a copy of item ${first.itemId}`)
    const again = await ok('advice-republish-add', { itemId: first.itemId })
    expect(again).toEqual({ itemId: first.itemId, copyId: made.copyId, created: false })
    expect(contentCount()).toBe(before + 1)
    // The advice now points at the copy instead of offering a second one.
    const after = (await ok('advice-get', {})).republish.candidates.find((c) => c.itemId === first.itemId)
    expect(after?.copyId).toBe(made.copyId)
  })

  it('refuses an item that is not published, or does not exist, writing nothing', async () => {
    const before = contentCount()
    const idea = b.db.get<{ id: string }>(sql`SELECT id FROM content_item WHERE status = 'idea' AND deleted_at IS NULL LIMIT 1`)
    const e1 = await fails('advice-republish-add', { itemId: idea?.id })
    expect(e1.code).toBe('rule_violation')
    expect(e1.message).toMatch(/not published/)
    const e2 = await fails('advice-republish-add', { itemId: '01J00000000000000000000000' })
    expect(e2.code).toBe('not_found')
    const e3 = await fails('advice-republish-add', { itemId: 'nope' })
    expect(e3.code).toBe('invalid_input')
    expect(contentCount()).toBe(before)
  })
})
