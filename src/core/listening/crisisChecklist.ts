import type { ChecklistItem } from '../domain/conversation'

/** What a crisis needs done, in order; opened on the conversation the moment it becomes a crisis. */
export const crisisSteps: readonly { id: string; label: string }[] = [
  { id: 'facts', label: 'Facts confirmed with the team that owns the issue' },
  { id: 'holding', label: 'Holding statement approved (legal, head of marketing)' },
  { id: 'posted', label: 'Holding statement posted where the conversation is' },
  { id: 'support', label: 'Support and sales told what to say' },
  { id: 'updates', label: 'Updates posted until it is resolved' },
  { id: 'review', label: 'Review held and lessons written down' }
]

export function crisisChecklist(): ChecklistItem[] {
  return crisisSteps.map((s) => ({ ...s, done: false, doneAt: null, doneById: null }))
}
