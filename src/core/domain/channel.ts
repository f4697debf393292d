import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

export const goalLink = z.object({
  goalId: p.id,
  /** Expected KPI units toward the goal per 1,000 people reached. */
  rate: p.nonNegative(1e6)
})

export const channel = recordKind({
  kind: 'channel',
  table: 'channel',
  label: 'Channel',
  plural: 'Channels',
  fields: z.object({
    name: p.name(120),
    platform: enums.platform,
    handle: p.text(300),
    ownerId: p.ref,
    status: enums.channelStatus,
    audienceSize: p.nonNegative(1e10),
    cadencePerWeek: p.nonNegative(100),
    hoursPerPost: p.nonNegative(200),
    fixedHoursPerMonth: p.nonNegative(1000),
    costPerMonth: p.nonNegative(1e9),
    confidence: z.number({ error: 'Must be a number' }).finite().min(0.1, 'Confidence runs from 0.1 to 1').max(1, 'Confidence runs from 0.1 to 1'),
    goalLinks: z.array(goalLink).max(50),
    estimatesUpdatedAt: p.date.nullable(),
    /**
     * Share of the audience one post typically reaches organically, in (0, 1]. null = the platform's
     * default prior (core/scoring/organicReach.ts); 1 only when a person says every post reaches everyone.
     */
    organicReachShare: z
      .number({ error: 'Must be a number' })
      .finite('Must be a finite number')
      .gt(0, 'Organic reach share must be above 0 (leave it empty to use the platform default)')
      .max(1, 'Organic reach share is a share of the audience: at most 1 (100 %)')
      .nullable(),
    /** Where the organic reach share came from (a platform report, our analytics export…). */
    reachNote: p.text(500),
    /** Weekly hours a proposed channel is given as its trial; null = the model's stated default. */
    trialHoursPerWeek: p.nonNegative(80).nullable(),
    notes: p.text()
  }),
  defaults: {
    handle: '', ownerId: null, status: 'active', audienceSize: 0, cadencePerWeek: 1, hoursPerPost: 1,
    fixedHoursPerMonth: 0, costPerMonth: 0, confidence: 0.5, goalLinks: [], estimatesUpdatedAt: null,
    organicReachShare: null, reachNote: '', trialHoursPerWeek: null, notes: ''
  },
  required: ['name', 'platform'],
  refs: { ownerId: 'member' },
  search: ['name', 'handle', 'notes'],
  title: 'name',
  check: (c) => {
    const seen = new Set<string>()
    const issues: { path: (string | number)[]; message: string }[] = []
    c.goalLinks.forEach((l, i) => {
      if (seen.has(l.goalId)) issues.push({ path: ['goalLinks', i, 'goalId'], message: 'This goal is linked twice' })
      seen.add(l.goalId)
    })
    return issues
  }
})

export type Channel = z.infer<typeof channel.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
