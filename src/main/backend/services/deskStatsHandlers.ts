import type { HandlerTable } from '../handlerTable'
import { deskStats } from './deskStats'

/** The desk's numbers: handlers.ts spreads this table into the one every host dispatches into. */
export const deskStatsHandlers: Partial<HandlerTable> = {
  'desk-stats': (b, i) => deskStats(b, i)
}
