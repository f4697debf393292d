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
    expect(first).toEqual({ ok: true, data: { id: null, name: 'ws', blendedHourlyRate: 75, currency: 'USD', exchangeRates: {} } })
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

  it('keeps exchange rates in the team currency: none for the currency itself, none that cannot be right, and a new currency drops the old ones', async () => {
    await dispatch(b, 'workspace-profile-save', { name: 'Acme', currency: 'EUR', exchangeRates: { USD: 0.92, GBP: 1.17 } })
    const own = await dispatch(b, 'workspace-profile-save', { exchangeRates: { EUR: 1, USD: 0.92 } })
    expect(!own.ok && own.error.issues).toEqual([{ path: ['exchangeRates', 'EUR'], message: "EUR is the team's own currency: it needs no exchange rate" }])
    const zero = await dispatch(b, 'workspace-profile-save', { exchangeRates: { USD: 0 } })
    expect(!zero.ok && zero.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['exchangeRates.USD', 'A rate is more than 0']])
    const code = await dispatch(b, 'workspace-profile-save', { exchangeRates: { dollars: 0.9 } })
    expect(code.ok).toBe(false)
    expect((await dispatch(b, 'workspace-profile-get', {})).ok && (await dispatch(b, 'workspace-profile-get', {}))).toMatchObject({ data: { exchangeRates: { USD: 0.92, GBP: 1.17 } } })
    // 0.92 was euros per dollar; in a team counting in pounds it would be wrong, so it goes.
    const moved = await dispatch(b, 'workspace-profile-save', { currency: 'GBP' })
    expect(moved.ok && moved.data).toMatchObject({ currency: 'GBP', exchangeRates: {} })
    const both = await dispatch(b, 'workspace-profile-save', { currency: 'USD', exchangeRates: { EUR: 1.08 } })
    expect(both.ok && both.data).toMatchObject({ currency: 'USD', exchangeRates: { EUR: 1.08 } })
  })

  it('the demo names its company', async () => {
    writeDemo(b, { today: '2026-11-23' })
    const info = await dispatch(b, 'workspace-info', {})
    expect(info.ok && (info.data as { name: string }).name).toBe('Northwind Analytics')
  })
})
