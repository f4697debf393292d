import { deckAllocation, type DeckAllocation } from '../../../core/deck/deckAllocation'
import type { Quarter } from '../../../core/goals/quarter'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordsAsOf } from '../deck/recordsAsOf'
import { modelInputs } from './modelInputs'

const DAY_MS = 86_400_000

/**
 * The deck's allocation and predictions from the priority model (core/deck/deckAllocation.ts), on the
 * workspace as it stood on `planDay` (null: as it is now), and as it stood the day before the quarter
 * began for what the model expected of it. Past states come from the change log; pins set later are
 * left out (a decision cannot steer a quarter that was already running).
 */
export function deckHours(b: Backend, qr: Quarter, planDay: string | null): DeckAllocation {
  const asOf = (day: string) => ({
    asOf: day,
    records: (kind: 'goal' | 'channel' | 'member' | 'pin') => recordsAsOf(b.db, kind, day, { dropLateCreations: kind === 'pin' })
  })
  const plan = modelInputs(b, [], planDay === null ? undefined : asOf(planDay))
  const eve = new Date(Date.parse(`${qr.start}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
  const forecast = modelInputs(b, [], { ...asOf(eve), asOf: qr.start })
  return deckAllocation({
    plan: plan.input,
    planDay: plan.asOf,
    forecast: forecast.input,
    quarterStart: qr.start,
    pinDates: pinDates(b)
  })
}

function pinDates(b: Backend): Map<string, string> {
  const rows = b.db.all<{ channel_id: string; updated_at: string }>(sql`SELECT channel_id, updated_at FROM pin WHERE deleted_at IS NULL`)
  return new Map(rows.map((p) => [p.channel_id, p.updated_at.slice(0, 10)]))
}
