import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

export const interaction = z.object({
  date: p.date,
  kind: enums.interactionKind,
  note: p.text(2000)
})

/** Stage history is appended by the backend whenever `stage` changes; the deck reads pipeline movement from it. */
export const stageChange = z.object({ stage: enums.stage, date: p.date })

export const influencer = recordKind({
  kind: 'influencer',
  table: 'influencer',
  label: 'Influencer',
  plural: 'Influencers',
  fields: z.object({
    name: p.name(120),
    title: p.text(120),
    handles: z.record(z.string().max(30), z.string().max(200)),
    topics: z.array(z.string().trim().min(1).max(60)).max(30),
    reach: p.nonNegative(1e10),
    engagementRate: z.number({ error: 'Must be a number' }).finite().min(0, 'Between 0 and 1 (e.g. 0.035 for 3.5 %)').max(1, 'Between 0 and 1 (e.g. 0.035 for 3.5 %)'),
    relevance: z.number().int('Use a whole number').min(1, 'Relevance runs from 1 to 5').max(5, 'Relevance runs from 1 to 5'),
    stage: enums.stage,
    ownerId: p.ref,
    lastContactDate: p.date.nullable(),
    nextAction: p.text(300),
    nextActionDate: p.date.nullable(),
    notes: p.text(),
    interactions: z.array(interaction).max(500),
    stageHistory: z.array(stageChange).max(200),
    /** The id another tool (a scheduler, a CRM) gave this record: a re-import of its export updates it. */
    externalId: p.text(200)
  }),
  defaults: {
    title: '', handles: {}, topics: [], reach: 0, engagementRate: 0, relevance: 3, stage: 'identified', ownerId: null,
    lastContactDate: null, nextAction: '', nextActionDate: null, notes: '', interactions: [], stageHistory: [], externalId: ''
  },
  required: ['name'],
  refs: { ownerId: 'member' },
  search: ['name', 'title', 'notes', 'nextAction'],
  title: 'name'
})

export type Influencer = z.infer<typeof influencer.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
