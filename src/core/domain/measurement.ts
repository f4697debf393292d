import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** A dated value of a goal's KPI, or of a channel metric (followers, subscribers…) when channelId is set. */
export const measurement = recordKind({
  kind: 'measurement',
  table: 'measurement',
  label: 'Measurement',
  plural: 'Measurements',
  fields: z.object({
    goalId: p.ref,
    channelId: p.ref,
    metric: p.text(80),
    date: p.date,
    value: p.finite,
    source: p.text(120),
    note: p.text(1000)
  }),
  defaults: { goalId: null, channelId: null, metric: '', source: 'manual', note: '' },
  required: ['date', 'value'],
  refs: { goalId: 'goal', channelId: 'channel' },
  search: ['metric', 'source', 'note'],
  title: 'date',
  check: (m) =>
    m.goalId === null && m.channelId === null
      ? [{ path: ['goalId'], message: 'A measurement belongs to a goal or a channel' }]
      : m.channelId !== null && m.goalId === null && m.metric.trim() === ''
        ? [{ path: ['metric'], message: 'Name the channel metric (e.g. followers)' }]
        : []
})

export type Measurement = z.infer<typeof measurement.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
