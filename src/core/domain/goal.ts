import { z } from 'zod'
import { enums } from './enums'
import { outcomeMetric } from './outcome'
import { primitives as p } from './primitives'
import { recordKind, type FieldIssue } from './recordKind'

export const goal = recordKind({
  kind: 'goal',
  table: 'goal',
  label: 'Goal',
  plural: 'Goals',
  fields: z.object({
    objective: p.name(200),
    driver: enums.driver,
    kpiName: p.name(80),
    kpiUnit: p.text(24),
    /**
     * What the KPI is: a count or total (leads, followers), a rate in per cent 0–100 (engagement rate,
     * share of voice: moved as a volume-weighted rate, never summed), or money (pipeline, revenue).
     */
    kind: enums.goalKind,
    baseline: p.finite,
    /** null = no target: the goal is tracked only and pulls no hours. */
    target: p.finite.nullable(),
    /** Optional further target; once `target` is met the goal keeps pulling hours only toward this. */
    stretchTarget: p.finite.nullable(),
    quarter: p.quarter,
    ownerId: p.ref,
    priority: z.number().int('Use a whole number').min(1, 'Priority runs from 1 (low) to 5 (high)').max(5, 'Priority runs from 1 (low) to 5 (high)'),
    /** Scoring weight; the Priorities screen adjusts it. */
    weight: p.nonNegative(10),
    /** The outcome-ledger metric the goal's progress is taken from (leads, pipeline value…); null = measurements typed in. */
    resultsMetric: outcomeMetric.nullable().optional(),
    notes: p.text()
  }),
  defaults: { kind: 'count', kpiUnit: '', baseline: 0, target: null, stretchTarget: null, ownerId: null, priority: 3, weight: 1, resultsMetric: null, notes: '' },
  required: ['objective', 'driver', 'kpiName', 'quarter'],
  refs: { ownerId: 'member' },
  search: ['objective', 'kpiName', 'notes'],
  title: 'objective',
  check: (g) => goalIssues(g)
})

/** Rules across a goal's fields; every message names the field it concerns. */
function goalIssues(g: { kind: string; baseline: number; target: number | null; stretchTarget: number | null }): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (g.kind === 'rate') {
    for (const field of ['baseline', 'target', 'stretchTarget'] as const) {
      const v = g[field]
      if (v === null) continue
      if (v > 100) issues.push({ path: [field], message: 'A rate goal is in per cent: at most 100' })
      else if (v < 0) issues.push({ path: [field], message: 'A rate goal is in per cent: not below 0' })
    }
  }
  if (g.target !== null && g.target === g.baseline) issues.push({ path: ['target'], message: 'Target must differ from the baseline' })
  if (g.stretchTarget !== null) {
    if (g.target === null) issues.push({ path: ['stretchTarget'], message: 'A stretch target needs a target first' })
    else if (g.target >= g.baseline && g.stretchTarget <= g.target)
      issues.push({ path: ['stretchTarget'], message: 'Stretch must be above the target' })
    else if (g.target < g.baseline && g.stretchTarget >= g.target)
      issues.push({ path: ['stretchTarget'], message: 'Stretch must be below the target (lower is better for this goal)' })
  }
  return issues
}

export type Goal = z.infer<typeof goal.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
