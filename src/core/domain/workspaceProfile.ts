import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** An ISO 4217 code as the team and the exports write it. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR')

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
    currency: currencyCode,
    /**
     * What one unit of another currency is worth in the team's (`{"USD": 0.92}` for a team counting in
     * euros): results exports in that currency are converted as they are imported, and an export in a
     * currency without a rate is refused rather than summed with the team's money.
     */
    exchangeRates: z
      .record(currencyCode, z.number({ error: 'A rate is a number' }).finite('A rate is a finite number').positive('A rate is more than 0').max(1_000_000, 'At most 1,000,000'))
      .refine((r) => Object.keys(r).length <= 60, 'At most 60 exchange rates')
  }),
  defaults: { blendedHourlyRate: 75, currency: 'USD', exchangeRates: {} },
  required: ['name'],
  refs: {},
  search: ['name'],
  title: 'name',
  check: (w) => (w.exchangeRates[w.currency] !== undefined ? [{ path: ['exchangeRates', w.currency], message: `${w.currency} is the team's own currency: it needs no exchange rate` }] : [])
})

export type WorkspaceProfile = z.infer<typeof workspaceProfile.fields>
