import type { HandlerTable } from '../handlerTable'
import { deskActions } from './deskActions'
import { answerSuggest } from './deskAnswers'
import { deskScan } from './deskEscalation'
import { deskHandoffs } from './deskHandoffs'
import { inboxGet, inboxList } from './deskInbox'
import { proposeFor, proposeForConversation } from './deskRouting'
import { registerDeskRules } from './deskRules'
import { deskSettings } from './deskSettings'

registerDeskRules()

/** The listening desk's methods (issue #16); the record kinds' CRUD is generated, `handoff-create` is ours. */
export const deskHandlers: Partial<HandlerTable> = {
  'inbox-list': (b, i) => inboxList(b, i),
  'inbox-get': (b, i) => inboxGet(b, i.id, i.now),
  'conversation-triage': (b, i) => deskActions.triage(b, i),
  'routing-propose': (b, i) => ({ proposal: proposeForConversation(b, i.id) }),
  'routing-try': (b, i) => ({ proposal: proposeFor(b, i) }),
  'conversation-assign': (b, i) => deskActions.assign(b, i),
  'conversation-reply': (b, i) => deskActions.reply(b, i),
  'conversation-respond': (b, i) => deskActions.respond(b, i),
  'conversation-resolve': (b, i) => deskActions.resolve(b, i),
  'conversation-reopen': (b, i) => deskActions.reopen(b, i),
  'conversation-escalate': (b, i) => deskActions.escalate(b, i),
  'conversation-checklist-set': (b, i) => deskActions.checklist(b, i),
  'desk-scan': (b, i) => deskScan(b, i.now),
  'desk-settings-get': (b) => deskSettings.get(b),
  'desk-settings-set': (b, i) => deskSettings.set(b, i),
  'answer-suggest': (b, i) => answerSuggest(b, i),
  'expert-leave': (b, i) => deskActions.leave(b, i),
  'handoff-create': (b, i) => deskHandoffs.create(b, i) as never,
  'handoff-export': (b, i) => deskHandoffs.exportCsv(b, i)
}
