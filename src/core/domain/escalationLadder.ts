import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** Level n: who takes the conversation, and how many business hours it may wait at the level before. */
export const ladderStep = z.object({
  level: z.number().int().min(1, 'Levels run from 1 to 3').max(3, 'Levels run from 1 to 3'),
  expertId: p.id,
  afterHours: z.number({ error: 'Must be a number' }).finite().gt(0, 'A time limit must be more than 0 hours').max(2000, 'At most 2000 hours')
})
export type LadderStep = z.infer<typeof ladderStep>

/**
 * The escalation ladder of one conversation type: a breach of the resolution target (or the step's own
 * time limit at level 1 and up) moves the conversation to the next level's expert. One live ladder per
 * type; an expert twice on one ladder would escalate in a circle and is refused.
 */
export const escalationLadder = recordKind({
  kind: 'escalationLadder',
  table: 'escalation_ladder',
  label: 'Escalation ladder',
  plural: 'Escalation ladders',
  fields: z.object({
    type: enums.conversationType,
    steps: z.array(ladderStep).min(1, 'A ladder needs at least level 1').max(3, 'A ladder has at most 3 levels')
  }),
  defaults: { steps: [] },
  required: ['type', 'steps'],
  refs: {},
  search: ['type'],
  title: 'type',
  check: (l) => {
    const issues: { path: (string | number)[]; message: string }[] = []
    l.steps.forEach((s, i) => {
      if (s.level !== i + 1) issues.push({ path: ['steps', i, 'level'], message: `Step ${i + 1} should be level ${i + 1}` })
    })
    return issues
  }
})

export type EscalationLadder = z.infer<typeof escalationLadder.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
