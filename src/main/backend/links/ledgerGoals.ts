import type { OutcomeMetric } from '../../../core/domain/outcome'
import { outcomeMetricLabels } from '../../../core/domain/outcome'
import { quarter as quarters } from '../../../core/goals/quarter'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Change } from '../mutate'

/** The `source` of the measurements the ledger writes: how Goals, the model and the deck tell them from typed ones. */
export const LEDGER_SOURCE = 'results ledger'

type GoalRow = { id: string; objective: string; baseline: number; quarter: string; results_metric: OutcomeMetric }
type Delta = { metric: string; date: string; value: number }

/**
 * The measurements that carry the ledger into goals (issue #15 item 5): for each goal whose KPI is a
 * ledger metric, its level on each day of its quarter that has outcomes = baseline + the metric's
 * outcomes so far this quarter. Written with the import (one undo takes both back) so Goals, the
 * model and the deck read them like any measurement; the note says which files the number sums.
 * `deltas` are the import's changes not yet in the database (new value minus old, per metric and day),
 * `importing` the file they come from.
 */
export function ledgerGoalChanges(b: Backend, deltas: readonly Delta[], newId: () => string, importing: string): { changes: Change[]; goals: { goalId: string; objective: string; metric: OutcomeMetric; level: number }[] } {
  const goals = b.db.all<GoalRow>(sql`SELECT id, objective, baseline, quarter, results_metric FROM goal WHERE deleted_at IS NULL AND results_metric IS NOT NULL`)
  const changes: Change[] = []
  const out: { goalId: string; objective: string; metric: OutcomeMetric; level: number }[] = []
  for (const g of goals) {
    const qr = quarters.of(g.quarter)
    const perDay = new Map<string, number>()
    for (const r of b.db.all<{ date: string; v: number }>(
      sql`SELECT date, sum(value) AS v FROM outcome WHERE deleted_at IS NULL AND metric = ${g.results_metric} AND date >= ${qr.start} AND date <= ${qr.end} GROUP BY date`
    ))
      perDay.set(r.date, r.v)
    for (const d of deltas) if (d.metric === g.results_metric && d.date >= qr.start && d.date <= qr.end) perDay.set(d.date, (perDay.get(d.date) ?? 0) + d.value)
    const stored = b.db
      .all<{ f: string }>(sql`SELECT DISTINCT source_file AS f FROM outcome WHERE deleted_at IS NULL AND metric = ${g.results_metric} AND date >= ${qr.start} AND date <= ${qr.end} ORDER BY f LIMIT 6`)
      .map((r) => r.f)
    const files = deltas.some((d) => d.metric === g.results_metric) && !stored.includes(importing) ? [importing, ...stored] : stored
    const existing = new Map(
      b.db
        .all<{ id: string; date: string; value: number }>(sql`SELECT id, date, value FROM measurement WHERE deleted_at IS NULL AND goal_id = ${g.id} AND source = ${LEDGER_SOURCE}`)
        .map((m) => [m.date, m])
    )
    let level = g.baseline
    const label = outcomeMetricLabels[g.results_metric].toLowerCase()
    const days = [...perDay.keys()].filter((d) => Math.abs(perDay.get(d)!) > 1e-9).sort()
    for (const date of days) {
      level += perDay.get(date)!
      const value = Math.round(level * 100) / 100
      const note = `Baseline plus ${label} in the outcome ledger from ${qr.start} to this day${files.length > 0 ? ` (from ${files.slice(0, 5).join(', ')}${files.length > 5 ? ' and more' : ''})` : ''}`
      const had = existing.get(date)
      existing.delete(date)
      if (had === undefined) changes.push({ op: 'create', kind: 'measurement', id: newId(), values: { goalId: g.id, channelId: null, metric: label, date, value, source: LEDGER_SOURCE, note } })
      else if (had.value !== value) changes.push({ op: 'update', kind: 'measurement', id: had.id, set: { value, note } })
    }
    for (const gone of existing.values()) changes.push({ op: 'delete', kind: 'measurement', id: gone.id })
    if (days.length > 0) out.push({ goalId: g.id, objective: g.objective, metric: g.results_metric, level })
  }
  return { changes, goals: out }
}
