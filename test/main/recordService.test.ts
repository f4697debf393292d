import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/backend/backend'
import { dispatch } from '../../src/main/backend/dispatch'
import { sql } from '../../src/main/backend/db/sql'
import { tempBackend } from './helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend())
})
afterEach(() => cleanup())

const txCount = () => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM change_tx`)?.n ?? -1

async function call(method: string, input: unknown) {
  return dispatch(b, method, input)
}

describe('record CRUD through the contract', () => {
  it('creates, lists, updates and tombstones a channel, recording per-field changes', async () => {
    const events: unknown[] = []
    b.events.on((e, p) => events.push([e, p]))
    const created = await call('channel-create', { name: 'Company blog', platform: 'blog', audienceSize: 12000 })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const ch = created.data as { id: string; name: string; cadencePerWeek: number; deletedAt: null }
    expect(ch.name).toBe('Company blog')
    expect(ch.cadencePerWeek).toBe(1)
    expect(ch.id).toMatch(/^[0-9A-Z]{26}$/)

    const updated = await call('channel-update', { id: ch.id, audienceSize: 15000, name: 'Company blog' })
    expect(updated.ok && (updated.data as { audienceSize: number }).audienceSize).toBe(15000)
    const recs = b.db.all<{ col: string; old_value: string; new_value: string; base: string }>(
      sql`SELECT col, old_value, new_value, base FROM change_record WHERE row_id = ${ch.id} ORDER BY id`
    )
    // Creation is one record holding every field; the update records only the field that changed.
    expect(recs.map((r) => r.col)).toEqual(['*', 'audience_size'])
    expect(JSON.parse(recs[1]!.old_value)).toBe(12000)
    expect(JSON.parse(recs[1]!.base)).toHaveLength(1)

    const list = await call('channel-list', { where: [{ field: 'platform', op: 'eq', value: 'blog' }] })
    expect(list.ok && (list.data as { total: number }).total).toBe(1)

    expect((await call('channel-delete', { id: ch.id })).ok).toBe(true)
    const after = await call('channel-list', {})
    expect(after.ok && (after.data as { total: number }).total).toBe(0)
    const withDeleted = await call('channel-list', { includeDeleted: true })
    expect(withDeleted.ok && (withDeleted.data as { items: { deletedAt: string | null }[] }).items[0]!.deletedAt).not.toBeNull()
    expect(events.map((e) => (e as [string])[0])).toEqual(['data-changed', 'data-changed', 'data-changed'])
  })

  it('refuses bad input with field-level issues and writes nothing', async () => {
    const before = txCount()
    const r = await call('channel-create', { name: '', platform: 'fax', confidence: 3, audienceSize: -5 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    const paths = r.error.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['platform']))
    expect(txCount()).toBe(before)

    const r2 = await call('channel-create', { name: '', platform: 'blog', confidence: 3, audienceSize: -5 })
    expect(r2.ok).toBe(false)
    if (r2.ok) return
    expect(r2.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['audienceSize', 'confidence', 'name'])
    expect(r2.error.issues.find((i) => i.path[0] === 'confidence')?.message).toMatch(/0\.1 to 1/)
    expect(txCount()).toBe(before)
  })

  it('names missing required fields and unknown references', async () => {
    const r = await call('goal-create', { objective: 'Pipeline' })
    expect(!r.ok && r.error.issues.map((i) => i.path[0]).sort()).toEqual(['driver', 'kpiName', 'quarter'])
    const r2 = await call('content-create', { title: 'Post', ownerId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })
    expect(!r2.ok && r2.error.issues).toEqual([{ path: ['ownerId'], message: 'No member with id 01ARZ3NDEKTSV4RRFFQ69G5FAV' }])
  })

  it('applies cross-field checks (end before start)', async () => {
    const r = await call('campaign-create', { name: 'Launch', startDate: '2026-11-10', endDate: '2026-11-01' })
    expect(!r.ok && r.error.issues).toEqual([{ path: ['endDate'], message: 'The end date is before the start date' }])
    const r2 = await call('content-create', { title: 'x', plannedDate: '2026-02-30' })
    expect(!r2.ok && r2.error.issues[0]?.path).toEqual(['plannedDate'])
  })

  it('answers unknown methods and missing records with typed errors', async () => {
    const r = await call('channel-explode', {})
    expect(!r.ok && r.error.code).toBe('unknown_method')
    const r2 = await call('member-get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })
    expect(!r2.ok && r2.error.code).toBe('not_found')
    const r3 = await call('member-list', { where: [{ field: 'name; DROP TABLE member', op: 'eq', value: 1 }] })
    expect(!r3.ok && r3.error.code).toBe('invalid_input')
    const r4 = await call('member-list', { where: [{ field: 'salary', op: 'eq', value: 1 }] })
    expect(!r4.ok && r4.error.issues[0]?.path).toEqual(['where', 0, 'field'])
  })

  it('appends influencer stage history when the stage changes', async () => {
    const r = await call('influencer-create', { name: 'Ada Analyst' })
    const id = r.ok ? (r.data as { id: string }).id : ''
    const u = await call('influencer-update', { id, stage: 'engaged' })
    expect(u.ok && (u.data as { stageHistory: { stage: string }[] }).stageHistory.map((s) => s.stage)).toEqual(['identified', 'engaged'])
  })

  it('filters, searches, sorts and pages', async () => {
    for (const [i, name] of ['Gamma', 'alpha', 'Beta', 'Delta'].entries()) {
      await call('member-create', { name, weeklyCapacityHours: 10 + i, role: i % 2 ? 'Writer' : 'Editor' })
    }
    const sorted = await call('member-list', { sort: [{ field: 'weeklyCapacityHours', dir: 'desc' }], limit: 2 })
    expect(sorted.ok && sorted.data).toMatchObject({ total: 4, items: [{ name: 'Delta' }, { name: 'Beta' }] })
    const q = await call('member-list', { q: 'writ' })
    expect(q.ok && (q.data as { total: number }).total).toBe(2)
    const range = await call('member-list', { where: [{ field: 'weeklyCapacityHours', op: 'gte', value: 12 }, { field: 'role', op: 'in', value: ['Editor'] }] })
    expect(range.ok && (range.data as { items: { name: string }[] }).items.map((m) => m.name)).toEqual(['Beta'])
  })
})

describe('influencer rules', () => {
  it('moves last contact forward to the newest logged interaction, never back', async () => {
    const r = await call('influencer-create', { name: 'Grace Practitioner', lastContactDate: '2026-10-01' })
    const id = r.ok ? (r.data as { id: string }).id : ''
    const older = await call('influencer-update', { id, interactions: [{ date: '2026-09-01', kind: 'email', note: 'Intro' }] })
    expect(older.ok && (older.data as { lastContactDate: string }).lastContactDate).toBe('2026-10-01')
    const newer = await call('influencer-update', {
      id,
      interactions: [
        { date: '2026-09-01', kind: 'email', note: 'Intro' },
        { date: '2026-11-12', kind: 'call', note: 'Podcast guest spot' }
      ]
    })
    expect(newer.ok && (newer.data as { lastContactDate: string }).lastContactDate).toBe('2026-11-12')
    const bad = await call('influencer-update', { id, interactions: [{ date: '2026-13-01', kind: 'fax', note: '' }] })
    expect(!bad.ok && bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['interactions.0.date', 'interactions.0.kind'])
  })
})
