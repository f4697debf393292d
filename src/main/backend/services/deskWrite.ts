import { ApiError } from '../../../core/api/apiError'
import { conversation, type Conversation } from '../../../core/domain/conversation'
import type { FieldIssue } from '../../../core/domain/recordKind'
import type { Backend } from '../backend'
import { fieldsOf, recordService, validateRecord } from './recordService'

type Rec = Record<string, unknown>

/**
 * One desk gesture on one conversation through the one mutation path: the same schema, access and
 * kind rules as a form save, written under the gesture's own name (`conversation-assign`…) so the
 * record's history says what was done. Returns nothing: callers read the inbox row back.
 */
export function writeConversation(b: Backend, label: string, id: string, patch: (c: Conversation) => Partial<Conversation>, opts: { system?: boolean } = {}): void {
  const before = recordService.get(b, 'conversation', id)
  const change = patch(before as unknown as Conversation)
  const candidate = { ...fieldsOf('conversation', before), ...change }
  const { value, issues } = opts.system === true ? systemCheck(candidate) : validateRecord(b, 'conversation', before, candidate)
  if (issues.length > 0) {
    const fields = [...new Set(issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean)
    throw new ApiError('invalid_input', `The conversation was not changed: check ${fields.join(', ') || 'the input'}`, issues)
  }
  const set = Object.fromEntries(Object.entries(fieldsOf('conversation', value)).filter(([k, v]) => JSON.stringify((before as Rec)[k]) !== JSON.stringify(v)))
  if (Object.keys(set).length > 0) b.mutate(label, [{ op: 'update', kind: 'conversation', id, set }])
}

/**
 * The breach scan applies the desk's own rule on time, with nobody at the keyboard (a timer in serve or
 * the desktop app): the schema and the record's checks hold, a person's role does not.
 */
function systemCheck(candidate: Rec): { value: Rec; issues: FieldIssue[] } {
  const parsed = conversation.fields.safeParse(candidate)
  if (!parsed.success) return { value: candidate, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) }
  return { value: parsed.data, issues: conversation.check?.(parsed.data) ?? [] }
}

export function isoNow(b: Backend): string {
  return new Date(b.now()).toISOString()
}
