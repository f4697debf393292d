import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** A blog, community, forum or influencer an expert keeps an eye on, and when they last looked. */
export const watch = recordKind({
  kind: 'watch',
  table: 'watch',
  label: 'Watched source',
  plural: 'Watched sources',
  fields: z.object({
    type: enums.watchKind,
    name: p.name(160),
    url: p.url,
    expertId: p.id,
    influencerId: p.ref,
    /** How often it should be looked at, in days (0 = no rhythm). */
    everyDays: z.number().int('Use a whole number of days').min(0).max(365),
    lastCheckedAt: p.instant.nullable(),
    note: p.text(500)
  }),
  defaults: { type: 'blog', url: '', influencerId: null, everyDays: 7, lastCheckedAt: null, note: '' },
  required: ['name', 'expertId'],
  refs: { expertId: 'expert', influencerId: 'influencer' },
  search: ['name', 'url', 'note'],
  title: 'name'
})

export type Watch = z.infer<typeof watch.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
