import type { HandlerTable } from '../handlerTable'
import { adviceService } from './adviceService'

/** The advice methods of the contract (src/core/api/methods/adviceMethods.ts), spread into the handler table. */
export const adviceHandlers: Partial<HandlerTable> = {
  'advice-get': (b, i) => adviceService.get(b, i),
  'advice-republish-add': (b, i) => adviceService.addToBacklog(b, i)
}
