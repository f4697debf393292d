import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * Who the workspace belongs to: the team's name (on every deck and export) and the money figures
 * scoring needs to turn a channel's cost into hours. A replicated singleton: the newest live record
 * is the profile, so a rename on one laptop travels to the team.
 */
export const workspaceProfile = recordKind({
  kind: 'workspaceProfile',
  table: 'workspace_profile',
  label: 'Workspace profile',
  plural: 'Workspace profiles',
  fields: z.object({
    name: p.name(120),
    /** What an hour of the team's time costs, to weigh a channel's money cost against its hours. */
    blendedHourlyRate: p.nonNegative(10_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR')
  }),
  defaults: { blendedHourlyRate: 75, currency: 'USD' },
  required: ['name'],
  refs: {},
  search: ['name'],
  title: 'name'
})

export type WorkspaceProfile = z.infer<typeof workspaceProfile.fields>
