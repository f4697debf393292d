/** Latest measurement per goal and how far it has moved from baseline toward target. */
export type GoalProgress = { date: string; value: number; progress: number | undefined }

type M = { goalId: string | null; date: string; value: number }
type G = { id: string; baseline: number; target: number | null }

export function goalProgress(goals: readonly G[], measurements: readonly M[]): Map<string, GoalProgress> {
  const latest = new Map<string, M>()
  for (const m of measurements) {
    if (m.goalId === null) continue
    const cur = latest.get(m.goalId)
    if (cur === undefined || m.date > cur.date) latest.set(m.goalId, m)
  }
  const out = new Map<string, GoalProgress>()
  for (const g of goals) {
    const m = latest.get(g.id)
    if (m === undefined) continue
    // The schema forbids target === baseline; the guard keeps a bad row from showing Infinity.
    // A goal without a target has no progress to show, only its latest value.
    const span = g.target === null ? 0 : g.target - g.baseline
    out.set(g.id, { date: m.date, value: m.value, progress: span === 0 ? undefined : (m.value - g.baseline) / span })
  }
  return out
}
