import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

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
    baseline: p.finite,
    target: p.finite,
    quarter: p.quarter,
    ownerId: p.ref,
    priority: z.number().int('Use a whole number').min(1, 'Priority runs from 1 (low) to 5 (high)').max(5, 'Priority runs from 1 (low) to 5 (high)'),
    /** Scoring weight; the Priorities screen adjusts it. */
    weight: p.nonNegative(10),
    notes: p.text()
  }),
  defaults: { kpiUnit: '', baseline: 0, ownerId: null, priority: 3, weight: 1, notes: '' },
  required: ['objective', 'driver', 'kpiName', 'target', 'quarter'],
  refs: { ownerId: 'member' },
  search: ['objective', 'kpiName', 'notes'],
  title: 'objective',
  check: (g) => (g.target === g.baseline ? [{ path: ['target'], message: 'Target must differ from the baseline' }] : [])
})

export type Goal = z.infer<typeof goal.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
