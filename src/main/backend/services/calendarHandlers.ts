import type { HandlerTable } from '../handlerTable'
import { calendarIcs } from './calendarIcs'
import { calendarMonth } from './calendarMonth'
import { calendarPolicy } from './calendarPolicy'
import { calendarQueries } from './calendarQueries'
import { registerCalendarRules } from './calendarRules'
import { calendarWrites } from './calendarWrites'
import { historyService } from './historyService'

// The approval gate and published lock guard every content write, whichever host or method makes it.
registerCalendarRules()

/** The calendar and board methods; spread into the handler table by handlers.ts. */
export const calendarHandlers: Partial<HandlerTable> = {
  'calendar-range': (b, i) => calendarQueries.range(b, i),
  'calendar-month': (b, i) => calendarMonth(b, i),
  'calendar-backlog': (b, i) => calendarQueries.backlog(b, i),
  'calendar-board': (b, i) => calendarQueries.board(b, i),
  'calendar-cadence': (b, i) => calendarQueries.cadence(b, i),
  'calendar-capacity': (b, i) => calendarQueries.capacity(b, i),
  'calendar-clashes': (b, i) => calendarQueries.clashes(b, i),
  'calendar-create': (b, i) => calendarWrites.create(b, i),
  'calendar-update': (b, i) => calendarWrites.update(b, i),
  'calendar-delete': (b, i) => calendarWrites.delete(b, i),
  'calendar-repeat': (b, i) => calendarWrites.repeat(b, { id: i.id, rule: i.rule }),
  'calendar-policy-get': (b) => calendarPolicy(b),
  'calendar-policy-set': (b, i) => calendarWrites.setPolicy(b, i),
  'calendar-ics': (b, i) => calendarIcs(b, i),
  'history-state': (b) => historyService.state(b),
  'history-undo': (b, i) => historyService.undo(b, i.tx),
  'history-redo': (b) => historyService.redo(b)
}
