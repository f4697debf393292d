import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * A person's override of the recommended hours for one channel: keep it at least at `minHours` a
 * week, or exclude it. The reason is required because the score stays visible beside the decision
 * and the review deck lists overrides as decisions (SCORING.md "people in charge").
 */
export const pin = recordKind({
  kind: 'pin',
  table: 'pin',
  label: 'Pin',
  plural: 'Pins',
  fields: z.object({
    channelId: p.id,
    minHours: p.nonNegative(168),
    /** An upper limit (hours a week) that overrides the allocator's bounds; null = none. min = max fixes the hours. */
    maxHours: p.nonNegative(168).nullable(),
    exclude: z.boolean(),
    reason: z.string().trim().min(1, 'Write down why: the reason is shown beside the score').max(500, 'At most 500 characters')
  }),
  defaults: { minHours: 0, maxHours: null, exclude: false },
  required: ['channelId', 'reason'],
  refs: { channelId: 'channel' },
  search: ['reason'],
  title: 'reason',
  check: (pin) =>
    !pin.exclude && pin.minHours <= 0 && pin.maxHours === null
      ? [{ path: ['minHours'], message: 'Give a minimum above 0 hours a week, a maximum, or exclude the channel' }]
      : pin.exclude && (pin.minHours > 0 || pin.maxHours !== null)
        ? [{ path: ['minHours'], message: 'An excluded channel gets no hours; leave the minimum at 0 and the maximum empty' }]
        : pin.maxHours !== null && pin.maxHours < pin.minHours
          ? [{ path: ['maxHours'], message: 'The maximum must be at least the minimum' }]
          : []
})

export type Pin = z.infer<typeof pin.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
