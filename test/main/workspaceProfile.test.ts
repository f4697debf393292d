import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/backend/backend'
import { dispatch } from '../../src/main/backend/dispatch'
import { writeDemo } from '../../src/main/backend/demo/writeDemo'
import { sql } from '../../src/main/backend/db/sql'
import { tempBackend } from './helpers/tempWorkspace'

let b: Backend
let cleanup: () => void
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend())
})
afterEach(() => cleanup())

describe('workspace profile', () => {
  it('is named after the folder until saved, then the saved name is the workspace name everywhere', async () => {
    const first = await dispatch(b, 'workspace-profile-get', {})
    expect(first).toEqual({ ok: true, data: { id: null, name: 'ws', blendedHourlyRate: 75, currency: 'USD' } })
    const saved = await dispatch(b, 'workspace-profile-save', { name: 'Acme Marketing', blendedHourlyRate: 90 })
    expect(saved.ok && saved.data).toMatchObject({ name: 'Acme Marketing', blendedHourlyRate: 90, currency: 'USD' })
    const again = await dispatch(b, 'workspace-profile-save', { currency: 'EUR' })
    expect(again.ok && again.data).toMatchObject({ name: 'Acme Marketing', currency: 'EUR' })
    // One singleton record, changed in place (so the rename travels as a field edit).
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM workspace_profile`)?.n).toBe(1)
    const info = await dispatch(b, 'workspace-info', {})
    expect(info.ok && (info.data as { name: string }).name).toBe('Acme Marketing')
  })

  it('refuses a bad rate or currency at the field and saves nothing', async () => {
    const r = await dispatch(b, 'workspace-profile-save', { name: 'Acme', blendedHourlyRate: -5, currency: 'euro' })
    expect(!r.ok && r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['blendedHourlyRate', 'currency'])
    expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM workspace_profile`)?.n).toBe(0)
  })

  it('the demo names its company', async () => {
    writeDemo(b, { today: '2026-11-23' })
    const info = await dispatch(b, 'workspace-info', {})
    expect(info.ok && (info.data as { name: string }).name).toBe('Northwind Analytics')
  })
})
