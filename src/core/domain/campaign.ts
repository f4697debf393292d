import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

export const campaign = recordKind({
  kind: 'campaign',
  table: 'campaign',
  label: 'Campaign',
  plural: 'Campaigns',
  fields: z.object({
    name: p.name(120),
    startDate: p.date,
    endDate: p.date,
    goalIds: z.array(p.id).max(20),
    budget: p.nonNegative(1e10),
    ownerId: p.ref,
    color: p.color,
    description: p.text()
  }),
  defaults: { goalIds: [], budget: 0, ownerId: null, color: '#7c5cff', description: '' },
  required: ['name', 'startDate', 'endDate'],
  refs: { ownerId: 'member', goalIds: 'goal' },
  search: ['name', 'description'],
  title: 'name',
  check: (c) => (c.endDate < c.startDate ? [{ path: ['endDate'], message: 'The end date is before the start date' }] : [])
})

export type Campaign = z.infer<typeof campaign.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
