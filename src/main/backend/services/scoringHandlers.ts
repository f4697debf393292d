import type { HandlerTable } from '../handlerTable'
import { scoringRules } from './scoringRules'
import { scoringService } from './scoringService'
import { modelService } from './modelService'
import { backtestService } from './backtestService'

scoringRules()

/** The scoring methods of the contract (src/core/api/methods/scoringMethods.ts), spread into the handler table. */
export const scoringHandlers: Partial<HandlerTable> = {
  'score-list': (b, i) => scoringService.list(b, i),
  'score-allocate': (b, i) => scoringService.allocate(b, i),
  'score-sensitivity': (b, i) => scoringService.sensitivity(b, i),
  'score-explain': (b, i) => scoringService.explain(b, i),
  'score-snapshot-create': (b, i) => scoringService.snapshotCreate(b, i),
  'score-weights-save': (b, i) => scoringService.weightsSave(b, i),
  'channel-duplicates': (b) => scoringService.duplicates(b),
  'score-model': (b, i) => modelService.plan(b, i),
  'score-backtest': (b) => backtestService(b)
}
