import type { Goal } from '../../../core/domain/goal'
import type { Measurement } from '../../../core/domain/measurement'
import { quarter as quarters } from '../../../core/goals/quarter'
import { backtest, type BacktestQuarterInput, type BacktestResult } from '../../../core/scoring'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { modelGoalOf, modelInputs } from './modelInputs'
import { goalNames } from '../../../core/goals/goalNames'

type PostRow = { channel_id: string; goal_id: string | null; day: string; result_conversions: number | null }

/**
 * Reads the workspace's past quarters for the backtest: each quarter's goals, the cadence each channel
 * actually ran (published items ÷ weeks), what each goal's KPI did (last measurement in the quarter;
 * counts and money as the change from the baseline) and what each channel's items brought per goal.
 */
export function backtestService(b: Backend): BacktestResult & { asOf: string } {
  const ws = modelInputs(b)
  const current = quarters.containing(ws.asOf).key
  const goals = recordRepo.list(b.db, 'goal', { limit: 1_000_000 }).items as unknown as Goal[]
  const pastKeys = [...new Set(goals.map((g) => g.quarter))].filter((q) => q < current).sort()
  const measurements = recordRepo.list(b.db, 'measurement', { limit: 1_000_000, where: [{ field: 'goalId', op: 'in', value: goals.map((g) => g.id) }] }).items as unknown as Measurement[]
  const goalById = new Map(goals.map((g) => [g.id, g]))
  const lastValue = new Map<string, { date: string; value: number }>()
  for (const m of measurements) {
    const g = m.goalId === null ? undefined : goalById.get(m.goalId)
    if (g === undefined || !quarters.contains(quarters.of(g.quarter), m.date)) continue
    const prev = lastValue.get(g.id)
    if (prev === undefined || m.date >= prev.date) lastValue.set(g.id, { date: m.date, value: m.value })
  }
  const rows = b.db.all<PostRow>(sql`
    SELECT channel_id, goal_id, coalesce(substr(publish_at, 1, 10), planned_date) AS day, result_conversions
    FROM content_item
    WHERE deleted_at IS NULL AND status = 'published' AND channel_id IS NOT NULL
      AND coalesce(substr(publish_at, 1, 10), planned_date) IS NOT NULL`)
  const keys = ws.input.goalKeys
  const past: BacktestQuarterInput[] = []
  for (const key of pastKeys) {
    const qr = quarters.of(key)
    const qGoals = goals.filter((g) => g.quarter === key && g.deletedAt === null)
    const inQ = rows.filter((r) => r.day >= qr.start && r.day <= qr.end)
    if (qGoals.length === 0 || inQ.length === 0) continue
    const weeks = qr.days / 7
    const counts = new Map<string, number>()
    for (const r of inQ) counts.set(r.channel_id, (counts.get(r.channel_id) ?? 0) + 1)
    const names = goalNames(qGoals)
    const modelGoals = qGoals.map((g) => modelGoalOf(g, null, g.weight, names.get(g.id)))
    const actual = new Map<string, number | null>()
    const channelActual = new Map<string, Map<string, number>>()
    for (const g of qGoals) {
      const last = lastValue.get(g.id)
      actual.set(g.id, last === undefined ? null : g.kind === 'rate' ? last.value : last.value - g.baseline)
      const k = keys.get(g.id)
      const per = new Map<string, number>()
      for (const r of inQ) if (r.goal_id !== null && keys.get(r.goal_id) === k) per.set(r.channel_id, (per.get(r.channel_id) ?? 0) + (r.result_conversions ?? 0))
      channelActual.set(g.id, per)
    }
    past.push({ quarter: key, start: qr.start, goals: modelGoals, postsPerWeek: new Map([...counts].map(([id, n]) => [id, n / weeks])), actual, channelActual })
  }
  return { asOf: ws.asOf, ...backtest({ channels: ws.input.channels, posts: ws.input.posts, goalKeys: keys, quarters: past }) }
}
