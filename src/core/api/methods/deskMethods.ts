import { z } from 'zod'
import { approvedAnswer } from '../../domain/approvedAnswer'
import { conversation } from '../../domain/conversation'
import { deskPolicy } from '../../domain/deskPolicy'
import { enums } from '../../domain/enums'
import { escalationLadder } from '../../domain/escalationLadder'
import { expert } from '../../domain/expert'
import { handoff } from '../../domain/handoff'
import { primitives as p } from '../../domain/primitives'
import { systemFields } from '../../domain/recordKind'
import { routingRule } from '../../domain/routingRule'
import { watch } from '../../domain/watch'
import { crudMethods } from '../crudMethods'

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(20)]).optional()

/** A conversation as the inbox shows it: the record, its two clocks now, and the assignee's name. */
export const inboxRow = conversation.fields.extend(systemFields).extend({
  /** Null when no target covers its type and priority. */
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  /** The clock that runs now: first response until answered, then resolution; null when resolved. */
  nextDueAt: z.string().nullable(),
  firstResponseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  /** Either running clock is past due (a first response given late stays breached). */
  breached: z.boolean(),
  /** A running clock has `warnHours` business hours or fewer left. */
  aboutToBreach: z.boolean(),
  assigneeName: z.string().nullable()
})
export type InboxRow = z.infer<typeof inboxRow>

export const inboxSort = z.enum(['due', 'occurred', 'priority', 'updated'])
export const inboxQuery = z.object({
  state: oneOrMany(enums.conversationState),
  type: oneOrMany(enums.conversationType),
  priority: oneOrMany(enums.priority),
  /** An expert id, or 'none' for unassigned. */
  assigneeId: z.union([p.id, z.literal('none')]).optional(),
  /** Only conversations assigned to the acting member's expert record. */
  mine: z.boolean().optional(),
  overdue: z.boolean().optional(),
  aboutToBreach: z.boolean().optional(),
  topic: z.string().max(60).optional(),
  q: z.string().max(200).optional(),
  sort: inboxSort.optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** The moment the clocks are read at; the backend's now when left out. */
  now: p.instant.optional()
})
export type InboxQuery = z.infer<typeof inboxQuery>

export const inboxCounts = z.object({
  byState: z.record(enums.conversationState, z.number()),
  overdue: z.number(),
  aboutToBreach: z.number(),
  unassigned: z.number()
})

export const routeProposal = z.object({
  assigneeId: z.string(),
  assigneeName: z.string(),
  ruleId: z.string(),
  rulePosition: z.number(),
  ruleName: z.string(),
  /** "complaint + topic billing → Support lead, rule 4" */
  reason: z.string(),
  priority: enums.priority.nullable()
})
export type RouteProposal = z.infer<typeof routeProposal>

const deskSettings = deskPolicy.fields
export const escalationDone = z.object({
  conversationId: z.string(),
  summary: z.string(),
  level: z.number(),
  fromId: z.string().nullable(),
  toId: z.string().nullable(),
  reason: z.string()
})

const answerView = approvedAnswer.fields.extend(systemFields).extend({ stale: z.boolean(), ownerName: z.string().nullable() })
const idInput = z.object({ id: p.id })

/**
 * The listening desk (issue #16): the inbox with its clocks, triage, routing, assignment, replies,
 * escalation, desk settings, leaving experts and CRM hand-offs. The record kinds keep their generic
 * CRUD; these are the gestures with rules. See src/core/listening/README.md.
 */
export const deskMethods = {
  ...crudMethods(expert),
  ...crudMethods(watch),
  ...crudMethods(routingRule),
  ...crudMethods(escalationLadder),
  ...crudMethods(approvedAnswer),
  ...crudMethods(handoff),
  ...crudMethods(deskPolicy),
  'inbox-list': {
    input: inboxQuery,
    output: z.object({ items: z.array(inboxRow), total: z.number(), counts: inboxCounts, asOf: z.string() }),
    summary: 'Conversations with their clocks: filter by state, type, priority, assignee, topic, overdue; sort by due time, date or priority; page'
  },
  'inbox-get': { input: idInput.extend({ now: p.instant.optional() }), output: inboxRow, summary: 'One conversation with its clocks' },
  'conversation-triage': {
    input: z.object({
      id: p.id,
      type: enums.conversationType.optional(),
      topic: z.string().trim().max(60).optional(),
      priority: enums.priority.optional(),
      sentiment: enums.sentiment.optional(),
      language: z.string().max(20).optional()
    }),
    output: z.object({ conversation: inboxRow, proposal: routeProposal.nullable() }),
    summary: 'Classify a new conversation (type, topic, priority, sentiment): it becomes triaged, and the routing rules propose an assignee'
  },
  'routing-propose': {
    input: idInput,
    output: z.object({ proposal: routeProposal.nullable() }),
    summary: 'The assignee the routing rules propose for a conversation, with the rule and the reason'
  },
  'routing-try': {
    input: z.object({
      type: enums.conversationType,
      topic: z.string().max(60).optional(),
      sentiment: enums.sentiment.optional(),
      summary: z.string().max(2000).optional(),
      author: z.string().max(120).optional(),
      channelId: p.id.nullable().optional(),
      network: z.string().max(60).optional()
    }),
    output: z.object({ proposal: routeProposal.nullable() }),
    summary: 'Try the routing rules on a made-up conversation (for the rules screen)'
  },
  'conversation-assign': {
    input: z.object({ id: p.id, assigneeId: p.id, ruleId: p.id.nullable().optional(), note: z.string().max(300).optional() }),
    output: inboxRow,
    summary: 'Assign a conversation to an expert: confirming the proposal (its ruleId) or overriding it; the reason is kept'
  },
  'conversation-reply': {
    input: z.object({ id: p.id, replyText: z.string().max(5000), answerId: p.id.nullable().optional() }),
    output: inboxRow,
    summary: 'Save the reply draft (and the approved answer put into it); the clocks do not stop'
  },
  'conversation-respond': {
    input: z.object({ id: p.id, replyText: z.string().max(5000).optional(), answerId: p.id.nullable().optional(), waitForAuthor: z.boolean().optional() }),
    output: inboxRow,
    summary: 'Record that the reply went out now: stops the first-response clock; waitForAuthor moves it to waiting'
  },
  'conversation-resolve': {
    input: z.object({ id: p.id, resolution: z.string().trim().min(1, 'Say how it was resolved').max(2000), ticketId: z.string().max(80).optional() }),
    output: inboxRow,
    summary: 'Resolve a conversation (a complaint may carry its support ticket id)'
  },
  'conversation-reopen': {
    input: z.object({ id: p.id, reason: z.string().trim().min(1, 'Say why it is reopened').max(300) }),
    output: inboxRow,
    summary: 'Reopen a resolved conversation: back to assigned, or triaged without an assignee'
  },
  'conversation-escalate': {
    input: z.object({ id: p.id, reason: z.string().trim().min(1, 'Say why it is escalated').max(300) }),
    output: inboxRow,
    summary: 'Move a conversation one level up its type’s escalation ladder now, logged with me and the reason'
  },
  'conversation-checklist-set': {
    input: z.object({ id: p.id, itemId: z.string().min(1), done: z.boolean() }),
    output: inboxRow,
    summary: 'Tick or untick a line of a crisis checklist'
  },
  'desk-scan': {
    input: z.object({ now: p.instant.optional() }),
    output: z.object({ checked: z.number(), escalated: z.array(escalationDone) }),
    summary: 'Escalate every breached conversation one level (run on open, on a timer and by `smo inbox --scan`)'
  },
  'desk-settings-get': {
    input: z.object({}),
    output: z.object({ settings: deskSettings, saved: z.boolean() }),
    summary: 'The desk’s time zone, business hours, holidays and response targets (defaults until saved)'
  },
  'desk-settings-set': {
    input: deskSettings.partial(),
    output: z.object({ settings: deskSettings, saved: z.boolean(), recomputed: z.number() }),
    summary: 'Change the desk settings; every due time is recomputed in the same step'
  },
  'answer-suggest': {
    input: z.object({ topic: z.string().max(60).optional(), language: z.string().max(20).optional(), q: z.string().max(200).optional(), today: p.date.optional() }),
    output: z.object({ items: z.array(answerView) }),
    summary: 'Approved answers for a topic, best match first, each flagged stale past its review date'
  },
  'expert-leave': {
    input: z.object({ id: p.id, note: z.string().max(300).optional() }),
    output: z.object({ expert: expert.fields.extend(systemFields), returned: z.number() }),
    summary: 'An expert leaves: kept for history, made inactive; their open conversations return to triage with a note'
  },
  'handoff-export': {
    input: z.object({
      format: z.enum(['hubspot', 'salesforce'], { error: 'Format must be hubspot or salesforce' }),
      outcome: oneOrMany(enums.handoffOutcome),
      markExported: z.boolean().optional()
    }),
    output: z.object({ csv: z.string(), rows: z.number(), fileName: z.string(), columns: z.array(z.string()) }),
    summary: 'Hand-offs as a CSV HubSpot or Salesforce imports accept, with each conversation’s link and tracking parameters'
  }
}
