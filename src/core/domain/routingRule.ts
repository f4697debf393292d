import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

const list = z.array(z.string().trim().min(1).max(120)).max(30)

/**
 * "complaint + topic billing → Support lead". Rules are tried in `position` order; the first whose
 * every non-empty condition matches proposes its expert (core/listening/proposeRoute.ts). An empty
 * condition matches anything; within one condition any listed value matches.
 */
export const routingRule = recordKind({
  kind: 'routingRule',
  table: 'routing_rule',
  label: 'Routing rule',
  plural: 'Routing rules',
  fields: z.object({
    position: z.number().int('Use a whole number').min(1, 'Rules are numbered from 1').max(10_000),
    name: p.name(120),
    types: z.array(enums.conversationType).max(10),
    topics: list,
    sentiments: z.array(enums.sentiment).max(3),
    /** Words or phrases of the summary, any of which matches (case does not matter). */
    keywords: list,
    authors: list,
    channelIds: z.array(p.id).max(30),
    networks: list,
    assigneeId: p.id,
    /** Priority the rule sets when it matches; null leaves the conversation's own. */
    priority: enums.priority.nullable(),
    active: z.boolean()
  }),
  defaults: { types: [], topics: [], sentiments: [], keywords: [], authors: [], channelIds: [], networks: [], priority: null, active: true },
  required: ['position', 'name', 'assigneeId'],
  refs: { channelIds: 'channel', assigneeId: 'expert' },
  search: ['name'],
  title: 'name'
})

export type RoutingRule = z.infer<typeof routingRule.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
