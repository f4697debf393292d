import type { DeckLedger } from '../../../core/deck/ledgerSlide'
import type { Quarter } from '../../../core/goals/quarter'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { resultsSummaryOf } from './resultsSummaryOf'

/**
 * The deck's "What the campaigns brought" (core/deck/ledgerSlide.ts): the Results screen's sums per
 * campaign from the quarter's first day to its as-of day; null (no slide) when the ledger has no
 * number in that time, so a team that never imports results gets the deck it had. An ended quarter's
 * costs (rate, budgets, channels' costs) are those of its plan day (`planAsOf`), like its hours.
 */
export function ledgerDeckInput(b: Backend, qr: Quarter, asOf: string, planAsOf: string | null = null): DeckLedger | null {
  const to = asOf < qr.end ? asOf : qr.end
  if (to < qr.start) return null
  const s = resultsSummaryOf(b, { groupBy: 'campaign', from: qr.start, to }, planAsOf)
  if (s.total.numbers === 0) return null
  // The ledger's own span and files for this period only: numbers imported for a later quarter must not
  // change this deck's input (its hash says "the same data").
  const files = b.db.get<{ n: number }>(sql`SELECT count(DISTINCT source_file) AS n FROM outcome WHERE deleted_at IS NULL AND date >= ${qr.start} AND date <= ${to}`)?.n ?? 0
  return { ...s, ledger: { from: qr.start, to, quarters: [qr.key], files } }
}
