import type { Goal } from '../domain/goal'

type Named = Pick<Goal, 'id' | 'kpiName' | 'objective'>

/** A goal's short name where the plan lists goals (Priorities, advice, the deck): its KPI, else its objective. */
export const goalName = (g: Pick<Goal, 'kpiName' | 'objective'>): string => (g.kpiName.trim() === '' ? g.objective : g.kpiName)

/**
 * Each goal's name among the goals it is listed with: its KPI, as before, unless another goal of the
 * list has the same one — two "Qualified demo requests" goals (one per region, say) then read
 * "Qualified demo requests (EMEA pipeline)" and "… (US pipeline)", so a weight slider, a prediction
 * and a deck row say which goal they mean.
 */
export function goalNames(goals: readonly Named[]): Map<string, string> {
  const count = new Map<string, number>()
  for (const g of goals) {
    const k = goalName(g).trim().toLowerCase()
    count.set(k, (count.get(k) ?? 0) + 1)
  }
  return new Map(
    goals.map((g) => {
      const name = goalName(g)
      const shared = (count.get(name.trim().toLowerCase()) ?? 0) > 1 && g.objective.trim() !== '' && g.objective.trim() !== name.trim()
      return [g.id, shared ? `${name.trim()} (${g.objective.trim()})` : name]
    })
  )
}
