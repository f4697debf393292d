import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

export const member = recordKind({
  kind: 'member',
  table: 'member',
  label: 'Member',
  plural: 'Members',
  fields: z.object({
    name: p.name(80),
    role: p.text(80),
    email: z.string().trim().max(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Not an email address'),
    weeklyCapacityHours: p.nonNegative(80),
    /**
     * Hours a week of the capacity already spoken for outside content and channel work (meetings,
     * conversations, influencer work), so the allocator knows what is really unplanned.
     */
    otherWorkHoursPerWeek: p.nonNegative(80),
    active: z.boolean(),
    /** The access role (issue #14); `role` above is the job title shown to people. */
    access: enums.access
  }),
  defaults: { role: '', email: '', weeklyCapacityHours: 32, otherWorkHoursPerWeek: 0, active: true, access: 'editor' },
  required: ['name'],
  refs: {},
  search: ['name', 'role', 'email'],
  title: 'name',
  check: (m) =>
    m.otherWorkHoursPerWeek > m.weeklyCapacityHours
      ? [{ path: ['otherWorkHoursPerWeek'], message: 'Other work cannot exceed the weekly capacity' }]
      : []
})

export type Member = z.infer<typeof member.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
