import { ApiError } from '../../../core/api/apiError'
import type { InboxRow, RouteProposal } from '../../../core/api/methods/deskMethods'
import type { Conversation } from '../../../core/domain/conversation'
import type { Backend } from '../backend'
import { currentMember } from '../people/currentMember'
import { recordRepo } from '../repo/recordRepo'
import { inboxGet } from './deskInbox'
import { escalateOne } from './deskEscalation'
import { proposeForConversation } from './deskRouting'
import { isoNow, writeConversation } from './deskWrite'

type Triage = { id: string; type?: Conversation['type']; topic?: string; priority?: Conversation['priority']; sentiment?: Conversation['sentiment']; language?: string }

function needExpert(b: Backend, id: string, field = 'assigneeId'): { name: string } {
  const e = recordRepo.get(b.db, 'expert', id)
  if (!e || e.deletedAt !== null) throw new ApiError('invalid_input', `No expert with id ${id}`, [{ path: [field], message: 'Not an expert in the directory' }])
  if (e.active !== true) throw new ApiError('rule_violation', `${String(e.name)} has left and takes no new conversations`, [{ path: [field], message: 'This expert has left' }])
  return { name: String(e.name) }
}

/** The desk's gestures on one conversation; each returns the inbox row as it is afterwards. */
export const deskActions = {
  triage(b: Backend, i: Triage): { conversation: InboxRow; proposal: RouteProposal | null } {
    writeConversation(b, 'conversation-triage', i.id, (c) => ({
      ...(i.type !== undefined ? { type: i.type } : {}),
      ...(i.topic !== undefined ? { topic: i.topic } : {}),
      ...(i.priority !== undefined ? { priority: i.priority } : {}),
      ...(i.sentiment !== undefined ? { sentiment: i.sentiment } : {}),
      ...(i.language !== undefined ? { language: i.language } : {}),
      // Triage classifies; it never takes back an assignment already made.
      state: c.state === 'new' ? 'triaged' : c.state
    }))
    return { conversation: inboxGet(b, i.id), proposal: proposeForConversation(b, i.id) }
  },

  /**
   * A person confirms the proposal (passing its rule) or overrides it (another expert, or no rule):
   * both land in `assignmentNote` and the record's history with who did it.
   */
  assign(b: Backend, i: { id: string; assigneeId: string; ruleId?: string | null | undefined; note?: string | undefined }): InboxRow {
    const { name } = needExpert(b, i.assigneeId)
    const proposal = proposeForConversation(b, i.id)
    const me = currentMember(b)?.name ?? 'someone on this computer'
    const extra = i.note !== undefined && i.note.trim() !== '' ? ` — ${i.note.trim()}` : ''
    let note: string
    if (proposal !== null && i.ruleId === proposal.ruleId && i.assigneeId === proposal.assigneeId) note = `Proposed by rule ${proposal.rulePosition} (${proposal.reason}); confirmed by ${me}${extra}`
    else if (proposal !== null) note = `Rule ${proposal.rulePosition} proposed ${proposal.assigneeName}; ${me} assigned ${name} instead${extra}`
    else note = `Assigned to ${name} by ${me}${extra}`
    writeConversation(b, 'conversation-assign', i.id, (c) => ({
      assigneeId: i.assigneeId,
      assignedAt: c.assigneeId === i.assigneeId && c.assignedAt !== null ? c.assignedAt : isoNow(b),
      assignmentNote: note.slice(0, 400),
      // A rule may set the priority it matched for; a confirmation takes it along.
      ...(proposal !== null && i.ruleId === proposal.ruleId && proposal.priority !== null ? { priority: proposal.priority } : {}),
      state: c.state === 'resolved' ? 'resolved' : c.state === 'waiting' ? 'waiting' : 'assigned'
    }))
    return inboxGet(b, i.id)
  },

  reply(b: Backend, i: { id: string; replyText: string; answerId?: string | null | undefined }): InboxRow {
    writeConversation(b, 'conversation-reply', i.id, () => ({ replyText: i.replyText, ...(i.answerId !== undefined ? { answerId: i.answerId } : {}) }))
    return inboxGet(b, i.id)
  },

  respond(b: Backend, i: { id: string; replyText?: string | undefined; answerId?: string | null | undefined; waitForAuthor?: boolean | undefined }): InboxRow {
    writeConversation(b, 'conversation-respond', i.id, (c) => {
      const text = i.replyText ?? c.replyText
      if (text.trim() === '') throw new ApiError('invalid_input', 'Write the reply before marking it sent', [{ path: ['replyText'], message: 'Required' }])
      if (c.state === 'resolved') throw new ApiError('rule_violation', 'This conversation is resolved: reopen it to answer again', [{ path: ['id'], message: 'Resolved' }])
      return {
        replyText: text,
        ...(i.answerId !== undefined ? { answerId: i.answerId } : {}),
        firstResponseAt: c.firstResponseAt ?? isoNow(b),
        state: i.waitForAuthor === true ? 'waiting' : c.assigneeId === null ? c.state : 'assigned'
      }
    })
    return inboxGet(b, i.id)
  },

  resolve(b: Backend, i: { id: string; resolution: string; ticketId?: string | undefined }): InboxRow {
    writeConversation(b, 'conversation-resolve', i.id, (c) => ({
      state: 'resolved',
      resolution: i.resolution,
      resolvedAt: isoNow(b),
      ...(i.ticketId !== undefined ? { ticketId: i.ticketId } : {}),
      // A conversation closed without a reply sent first counts as answered when it is resolved.
      firstResponseAt: c.firstResponseAt ?? isoNow(b)
    }))
    return inboxGet(b, i.id)
  },

  reopen(b: Backend, i: { id: string; reason: string }): InboxRow {
    writeConversation(b, 'conversation-reopen', i.id, (c) => {
      if (c.state !== 'resolved') throw new ApiError('rule_violation', 'Only a resolved conversation can be reopened', [{ path: ['id'], message: 'Not resolved' }])
      return { state: c.assigneeId === null ? 'triaged' : 'assigned', resolvedAt: null, resolution: `Reopened: ${i.reason}`.slice(0, 2000) }
    })
    return inboxGet(b, i.id)
  },

  escalate(b: Backend, i: { id: string; reason: string }): InboxRow {
    const me = currentMember(b)
    const done = escalateOne(b, i.id, i.reason, me?.id ?? null, b.now())
    if (done === null) throw new ApiError('rule_violation', 'There is no one further up to escalate this conversation to: set an escalation ladder for its type, or who its expert escalates to', [{ path: ['id'], message: 'No next level' }])
    return inboxGet(b, i.id)
  },

  checklist(b: Backend, i: { id: string; itemId: string; done: boolean }): InboxRow {
    const me = currentMember(b)
    writeConversation(b, 'conversation-checklist-set', i.id, (c) => {
      if (!c.checklist.some((x) => x.id === i.itemId))
        throw new ApiError('invalid_input', `This conversation’s checklist has no line "${i.itemId}"`, [{ path: ['itemId'], message: 'Not on the checklist' }])
      return {
        checklist: c.checklist.map((x) => (x.id !== i.itemId ? x : { ...x, done: i.done, doneAt: i.done ? isoNow(b) : null, doneById: i.done ? (me?.id ?? null) : null }))
      }
    })
    return inboxGet(b, i.id)
  },

  /** An expert leaves: kept (history keeps their name), inactive; their open conversations go back to triage. */
  leave(b: Backend, i: { id: string; note?: string | undefined }) {
    const e = recordRepo.get(b.db, 'expert', i.id)
    if (!e || e.deletedAt !== null) throw new ApiError('not_found', `No expert with id ${i.id}`, [{ path: ['id'], message: 'Not found' }])
    const at = isoNow(b)
    const open = recordRepo.list(b.db, 'conversation', {
      where: [{ field: 'assigneeId', op: 'eq', value: i.id }, { field: 'state', op: 'ne', value: 'resolved' }],
      limit: 50_000
    }).items
    const why = `${String(e.name)} left${i.note !== undefined && i.note.trim() !== '' ? ` (${i.note.trim()})` : ''}; back to triage`
    b.mutate('expert-leave', [
      { op: 'update', kind: 'expert', id: i.id, set: { active: false, leftAt: at, availability: 'away' } },
      ...open.map((c) => ({
        op: 'update' as const,
        kind: 'conversation' as const,
        id: String(c.id),
        set: { assigneeId: null, assignedAt: null, state: 'triaged', assignmentNote: `${why} on ${at.slice(0, 10)}`.slice(0, 400) }
      }))
    ])
    return { expert: recordRepo.get(b.db, 'expert', i.id) as never, returned: open.length }
  }
}
