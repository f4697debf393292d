import type { Goal } from '../domain/goal'
import { goalName } from './goalNames'

/** The key a goal's results are filed under: its KPI, so last quarter's results count for this quarter's goal. */
export function goalKey(g: Pick<Goal, 'kpiName' | 'objective'>): string {
  return goalName(g).trim().toLowerCase()
}
