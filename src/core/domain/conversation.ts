import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** An inbound conversation worth acting on; results are measured as identified → routed → resolved. */
export const conversation = recordKind({
  kind: 'conversation',
  table: 'conversation',
  label: 'Conversation',
  plural: 'Conversations',
  fields: z.object({
    occurredAt: p.instant,
    channelId: p.ref,
    author: p.name(120),
    influencerId: p.ref,
    summary: p.name(2000),
    type: enums.conversationType,
    sentiment: enums.sentiment,
    routedToId: p.ref,
    routedAt: p.instant.nullable(),
    status: enums.conversationStatus,
    resolution: p.text(2000),
    resolvedAt: p.instant.nullable(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20)
  }),
  defaults: {
    channelId: null, influencerId: null, sentiment: 'neutral', routedToId: null, routedAt: null, status: 'new',
    resolution: '', resolvedAt: null, tags: []
  },
  required: ['occurredAt', 'author', 'summary', 'type'],
  refs: { channelId: 'channel', influencerId: 'influencer', routedToId: 'member' },
  search: ['author', 'summary', 'resolution'],
  title: 'summary',
  check: (c) => {
    const issues: { path: string[]; message: string }[] = []
    if (c.status !== 'new' && c.routedToId === null)
      issues.push({ path: ['routedToId'], message: 'A routed or resolved conversation needs the person it was routed to' })
    if (c.status === 'resolved' && c.resolution.trim() === '')
      issues.push({ path: ['resolution'], message: 'Say how it was resolved' })
    if (c.routedAt !== null && c.routedAt < c.occurredAt)
      issues.push({ path: ['routedAt'], message: 'Routed before it happened' })
    if (c.resolvedAt !== null && c.resolvedAt < c.occurredAt)
      issues.push({ path: ['resolvedAt'], message: 'Resolved before it happened' })
    return issues
  }
})

export type Conversation = z.infer<typeof conversation.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
