import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** A reviewed response for a topic. Past `reviewBy` it is stale: still usable, flagged everywhere. */
export const approvedAnswer = recordKind({
  kind: 'approvedAnswer',
  table: 'approved_answer',
  label: 'Approved answer',
  plural: 'Approved answers',
  fields: z.object({
    title: p.name(160),
    topic: z.string().trim().max(60, 'At most 60 characters'),
    text: p.name(5000),
    language: p.text(20),
    ownerId: p.ref,
    reviewBy: p.date,
    reviewedAt: p.date.nullable(),
    active: z.boolean()
  }),
  defaults: { topic: '', language: '', ownerId: null, reviewedAt: null, active: true },
  required: ['title', 'text', 'reviewBy'],
  refs: { ownerId: 'member' },
  search: ['title', 'topic', 'text'],
  title: 'title'
})

export type ApprovedAnswer = z.infer<typeof approvedAnswer.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
