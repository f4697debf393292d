import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

const param = p.text(200)

/**
 * One tracked link and where it is used (issue #15 item 3): the final URL, its base and its UTM
 * parameters kept apart so the registry can group by them, and the item, campaign and channel it
 * belongs to. Results imports match analytics and CRM rows to items through these.
 */
export const trackedLink = recordKind({
  kind: 'trackedLink',
  table: 'tracked_link',
  label: 'Tracked link',
  plural: 'Tracked links',
  fields: z.object({
    url: z.string().trim().min(1, 'Required').max(2000, 'At most 2000 characters').refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'Use a full http(s):// link'),
    baseUrl: z.string().trim().max(2000, 'At most 2000 characters'),
    source: param,
    medium: param,
    campaign: param,
    content: param,
    term: param,
    contentId: p.ref,
    campaignId: p.ref,
    channelId: p.ref,
    note: p.text(500)
  }),
  defaults: { baseUrl: '', source: '', medium: '', campaign: '', content: '', term: '', contentId: null, campaignId: null, channelId: null, note: '' },
  required: ['url'],
  refs: { contentId: 'content', campaignId: 'campaign', channelId: 'channel' },
  search: ['url', 'campaign', 'source', 'medium', 'note'],
  title: 'url'
})

export type TrackedLink = z.infer<typeof trackedLink.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
