import { z } from 'zod'
import { checkTemplateSteps } from '../sharing/checkTemplateSteps'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** One step of a workback plan: what, how many days before the publish date, for whom, how long. */
export const templateStep = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ (e.g. legal_review)'),
  title: p.name(120),
  /** Days relative to the publish date: −10 is ten days before; 0 is the publish day; never after. */
  offsetDays: z.number({ error: 'Must be a whole number of days' }).int('Must be a whole number of days').min(-365, 'At most a year before'),
  hours: p.nonNegative(200),
  assigneeId: p.ref,
  /** A job title or access role ("Designer", "approver") when no one person is named. */
  assigneeRole: p.text(80),
  /** Keys of steps that must be done first. */
  after: z.array(z.string().max(40)).max(20),
  /** Whether this step must be done before the item can be approved (the approval step itself is not). */
  gatesApproval: z.boolean()
})
export type TemplateStep = z.infer<typeof templateStep>

/**
 * A workback template per channel or content format (issue #14 item 6). Applying it to an item
 * creates one task per step, due relative to the item's publish date.
 */
export const taskTemplate = recordKind({
  kind: 'taskTemplate',
  table: 'task_template',
  label: 'Task template',
  plural: 'Task templates',
  fields: z.object({
    name: p.name(120),
    /** Suggested for items on this channel (null = any channel). */
    channelId: p.ref,
    /** Suggested for items of this format (null = any format). */
    format: enums.contentFormat.nullable(),
    steps: z.array(templateStep).min(1, 'A template needs at least one step').max(40, 'At most 40 steps')
  }),
  defaults: { channelId: null, format: null },
  required: ['name', 'steps'],
  refs: { channelId: 'channel' },
  search: ['name'],
  title: 'name',
  check: (t) => checkTemplateSteps(t.steps)
})

export type TaskTemplate = z.infer<typeof taskTemplate.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
