import { commentRecord, taskView } from './sharingMethods'
import { z } from 'zod'
import { calendarItem } from './calendarMethods'
import { enums } from '../../domain/enums'
import { primitives as p } from '../../domain/primitives'

const person = z.object({ id: z.string(), name: z.string(), role: z.string(), access: enums.access, active: z.boolean() })

/** Who "me" is on this computer for this workspace, and whom the roles let me switch to. */
export const meState = z.object({
  me: person.nullable(),
  /** False while the workspace has no owner (a new, empty one): then nothing is refused yet. */
  enforced: z.boolean(),
  /** Active members, for the picker. */
  members: z.array(person),
  /** Ids of members "me" may switch to now (everyone at the first pick). */
  canSwitchTo: z.array(z.string())
})
export type MeState = z.infer<typeof meState>

/** One field change of one record, newest first: who, when, what it was and what it became. */
export const historyEntry = z.object({
  at: z.string(),
  tx: z.string(),
  /** The member's name, or null for changes made before people were recorded (or by sync of an older app). */
  member: z.string().nullable(),
  memberId: z.string().nullable(),
  /** The field's name in the API (`plannedDate`), `created` for the creation, `deleted` for a delete or restore. */
  field: z.string(),
  from: z.json(),
  to: z.json(),
  /** The change's own label ("Edit items", "Undo …", "Resolve …"). */
  label: z.string()
})
export type HistoryEntry = z.infer<typeof historyEntry>

const mineItem = calendarItem
// `status` and `routedAt` keep their names for `smo mine --json` readers: the desk state and when it was assigned.
const mineConversation = z.object({
  id: z.string(), summary: z.string(), author: z.string(), type: z.string(), status: z.string(), occurredAt: z.string(), routedAt: z.string().nullable(),
  state: z.string(), nextDueAt: z.string().nullable(), breached: z.boolean(), aboutToBreach: z.boolean(), escalationLevel: z.number()
})
const mineInfluencer = z.object({ id: z.string(), name: z.string(), stage: z.string(), nextAction: z.string(), nextActionDate: z.string().nullable() })

/** My work: each section a list of records (tasks and mentions as the sharing methods give them). */
export const mine = z.object({
  me: person,
  today: z.string(),
  weekEnd: z.string(),
  dueThisWeek: z.array(mineItem),
  overdue: z.array(mineItem),
  approvals: z.array(mineItem),
  tasks: z.array(taskView),
  conversations: z.array(mineConversation),
  influencers: z.array(mineInfluencer),
  mentions: z.array(commentRecord)
})
export type Mine = z.infer<typeof mine>

/** People: who I am on this computer, the history of a record, and my work. */
export const peopleMethods = {
  'me-get': { input: z.object({}), output: meState, summary: 'Who "me" is on this computer for this workspace, and whom I may switch to' },
  'me-set': {
    input: z.union([
      z.object({ memberId: p.id }),
      z.object({ create: z.object({ name: p.name(80), role: p.text(80).optional(), email: z.string().trim().max(200).optional() }) })
    ]),
    output: meState,
    summary: 'Pick "me" among the members, or create me (first pick; switching later only as the roles allow)'
  },
  'record-history': {
    input: z.object({ id: z.string().min(1, 'Required'), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.object({ kind: z.string(), title: z.string(), items: z.array(historyEntry), truncated: z.boolean(), names: z.record(z.string(), z.string()) }),
    summary: 'Every change of one record, newest first: who, when, field, from, to'
  },
  'mine-get': {
    input: z.object({ today: p.date.optional() }),
    output: mine,
    summary: 'My work: my items due this week and overdue, approvals waiting on me, tasks, conversations, influencer next actions, mentions'
  }
}
