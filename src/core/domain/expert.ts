import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

const words = (max: number) => z.array(z.string().trim().min(1).max(60)).max(max)

/**
 * Someone who answers conversations: a member, or a practitioner outside marketing (an engineer,
 * product, the support lead, legal) who never opens the app. Conversations, rules and ladders point
 * at experts, never straight at members, so one directory covers both. Leaving sets `active` false
 * and `leftAt`; the record stays so history keeps its name.
 */
export const expert = recordKind({
  kind: 'expert',
  table: 'expert',
  label: 'Expert',
  plural: 'Experts',
  fields: z.object({
    name: p.name(120),
    /** The member this expert is, when they are one (their conversations show in My work). */
    memberId: p.ref,
    team: p.text(80),
    role: p.text(120),
    email: z.string().trim().max(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Use an address like name@example.com'),
    topics: words(30),
    languages: words(10),
    availability: enums.expertAvailability,
    availabilityNote: p.text(200),
    /** Who takes over when this expert's conversation breaches and the type has no ladder. */
    escalatesToId: p.ref,
    active: z.boolean(),
    leftAt: p.instant.nullable()
  }),
  defaults: {
    memberId: null, team: '', role: '', email: '', topics: [], languages: [], availability: 'available', availabilityNote: '',
    escalatesToId: null, active: true, leftAt: null
  },
  required: ['name'],
  refs: { memberId: 'member', escalatesToId: 'expert' },
  search: ['name', 'team', 'role', 'email'],
  title: 'name'
})

export type Expert = z.infer<typeof expert.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
