import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * A lead found in a conversation, handed to sales: the contact fields a CRM import needs, the goal it
 * serves (its count is that goal's hand-off result) and what became of it.
 */
export const handoff = recordKind({
  kind: 'handoff',
  table: 'handoff',
  label: 'Hand-off',
  plural: 'Hand-offs',
  fields: z.object({
    conversationId: p.id,
    firstName: p.text(80),
    lastName: p.name(80),
    email: z.string().trim().max(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Use an address like name@example.com'),
    company: p.name(160),
    jobTitle: p.text(120),
    phone: p.text(40),
    country: p.text(60),
    note: p.text(2000),
    goalId: p.ref,
    /** utm_campaign of the link sent along; utm_source and utm_medium come from the conversation. */
    campaign: p.text(80),
    handedAt: p.instant,
    outcome: enums.handoffOutcome,
    outcomeAt: p.instant.nullable(),
    exportedAt: p.instant.nullable(),
    /** Pipeline or deal value in the team's currency, once known. */
    value: p.nonNegative(1e12)
  }),
  defaults: {
    firstName: '', email: '', jobTitle: '', phone: '', country: '', note: '', goalId: null, campaign: 'social-listening',
    outcome: 'open', outcomeAt: null, exportedAt: null, value: 0
  },
  required: ['conversationId', 'lastName', 'company', 'handedAt'],
  refs: { conversationId: 'conversation', goalId: 'goal' },
  search: ['firstName', 'lastName', 'company', 'email', 'note'],
  title: 'company'
})

export type Handoff = z.infer<typeof handoff.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
