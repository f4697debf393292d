import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** One step up the escalation ladder, kept on the conversation: who, when and why (issue #16 item 3). */
export const escalationEntry = z.object({
  level: z.number().int().min(1).max(3),
  at: p.instant,
  fromId: p.ref,
  toId: p.ref,
  /** The member who escalated, or null when the breach scan did it by itself. */
  byId: p.ref,
  reason: p.name(300)
})
export type EscalationEntry = z.infer<typeof escalationEntry>

/** A line of a crisis checklist (opened when a conversation becomes a crisis). */
export const checklistItem = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower-case letters, digits and _'),
  label: p.name(160),
  done: z.boolean(),
  doneAt: p.instant.nullable(),
  doneById: p.ref
})
export type ChecklistItem = z.infer<typeof checklistItem>

const topicText = z.string().trim().max(60, 'At most 60 characters')

/**
 * An inbound conversation on the listening desk. Its due times are not stored here: they follow from
 * `occurredAt`, type, priority and the desk's hours and targets (core/listening/deskClock.ts), so a
 * change of business hours never rewrites (and re-syncs) every conversation; each computer keeps them
 * in a local table for the inbox to filter and sort.
 */
export const conversation = recordKind({
  kind: 'conversation',
  table: 'conversation',
  label: 'Conversation',
  plural: 'Conversations',
  fields: z.object({
    occurredAt: p.instant,
    channelId: p.ref,
    /** Where it was said when that is not one of our channels (LinkedIn, Reddit, a blog's comments). */
    network: p.text(60),
    url: p.url,
    author: p.name(120),
    influencerId: p.ref,
    summary: p.name(2000),
    topic: topicText,
    language: p.text(20),
    type: enums.conversationType,
    sentiment: enums.sentiment,
    priority: enums.priority,
    state: enums.conversationState,
    /** The expert (a member or someone outside marketing) who answers it. */
    assigneeId: p.ref,
    assignedAt: p.instant.nullable(),
    /** Why it went to them: the rule that proposed it, confirmed or overridden by whom. */
    assignmentNote: p.text(400),
    firstResponseAt: p.instant.nullable(),
    resolvedAt: p.instant.nullable(),
    /**
     * Waiting for the author pauses the clocks: since when it waits now (null when not waiting), and the
     * waits it has finished. Stamped by the desk rule on every write path when the state enters or leaves
     * waiting; synced like any field, so each computer derives the same due times (core/listening/waitPause.ts).
     */
    waitingSince: p.instant.nullable(),
    waits: z.array(z.object({ from: p.instant, to: p.instant })).max(500),
    escalationLevel: z.number().int().min(0).max(3),
    escalations: z.array(escalationEntry).max(50),
    replyText: p.text(5000),
    /** The approved answer last put into the reply, if any. */
    answerId: p.ref,
    ticketId: p.text(80),
    resolution: p.text(2000),
    checklist: z.array(checklistItem).max(30),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    /** The id the monitoring tool gave it, if any. */
    externalId: p.text(200)
  }),
  defaults: {
    channelId: null, network: '', url: '', influencerId: null, topic: '', language: '', sentiment: 'neutral', priority: 'normal',
    state: 'new', assigneeId: null, assignedAt: null, assignmentNote: '', firstResponseAt: null, resolvedAt: null, waitingSince: null, waits: [],
    escalationLevel: 0, escalations: [], replyText: '', answerId: null, ticketId: '', resolution: '', checklist: [], tags: [], externalId: ''
  },
  required: ['occurredAt', 'author', 'summary', 'type'],
  refs: { channelId: 'channel', influencerId: 'influencer', assigneeId: 'expert', answerId: 'approvedAnswer' },
  search: ['author', 'summary', 'topic', 'url', 'resolution', 'replyText', 'ticketId'],
  title: 'summary',
  check: (c) => {
    const issues: { path: string[]; message: string }[] = []
    if ((c.state === 'assigned' || c.state === 'waiting') && c.assigneeId === null)
      issues.push({ path: ['assigneeId'], message: 'An assigned or waiting conversation needs the expert who answers it' })
    if (c.state === 'resolved' && c.resolution.trim() === '' && c.replyText.trim() === '')
      issues.push({ path: ['resolution'], message: 'Say how it was resolved' })
    for (const f of ['assignedAt', 'firstResponseAt', 'resolvedAt'] as const) {
      const at = c[f]
      if (at !== null && at < c.occurredAt) issues.push({ path: [f], message: 'Before the conversation happened' })
    }
    return issues
  }
})

export type Conversation = z.infer<typeof conversation.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
