import type { HandlerTable } from '../handlerTable'
import { meService } from './meService'
import { myWork } from './myWork'
import { recordHistory } from './recordHistory'

/** People methods: "me", a record's history, my work; spread into the handler table by handlers.ts. */
export const peopleHandlers: Partial<HandlerTable> = {
  'me-get': (b) => meService.get(b),
  'me-set': (b, i) => ('memberId' in i ? meService.pick(b, i.memberId) : meService.create(b, i.create)),
  'record-history': (b, i) => recordHistory(b, i),
  'mine-get': (b, i) => myWork(b, i)
}
