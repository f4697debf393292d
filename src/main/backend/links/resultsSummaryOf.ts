import { labelOf } from '../../../core/domain/enums'
import { outcomeMetric, type OutcomeMetric } from '../../../core/domain/outcome'
import { quarter } from '../../../core/goals/quarter'
import { monthsIn, ratios, shareInside, type ResultsGroup, type ResultsGroupBy, type ResultsSummary } from '../../../core/links/resultsSummary'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { workspaceProfileOf } from '../services/workspaceProfileService'
import { localDay } from '../localDay'
import { recordsAsOf } from '../deck/recordsAsOf'
import type { Campaign } from '../../../core/domain/campaign'
import type { Channel } from '../../../core/domain/channel'

type Sum = { k: string | null; metric: OutcomeMetric; v: number; n: number }
type Work = { k: string | null; published: number; hours: number }
type Values = Record<string, number>

const column = { campaign: sql.id('campaign_id'), channel: sql.id('channel_id'), item: sql.id('content_id') } as const
/** What a row's name and detail come from; items only where the ledger has numbers for them (there are thousands). */
type Named = { id: string; name: string; detail: string; spend: (from: string, to: string) => number }

type CampaignCost = { id: string; name: string; startDate: string; endDate: string; budget: number }
type ChannelCost = { id: string; name: string; platform: string; status: string; costPerMonth: number }
/** Campaigns running in a period or named by `ids`, and channels not retired or named by `ids`, with what they cost. */
type Costs = { campaigns: (ids: readonly string[], from: string, to: string) => CampaignCost[]; channels: (ids: readonly string[]) => ChannelCost[] }

/**
 * Where budgets and monthly costs come from: today's rows, or — for an ended quarter's deck — the
 * records as they stood at the end of `asOf` (deck/recordsAsOf.ts), read once per summary, so a budget
 * raised in October does not change what the third quarter cost.
 */
function costsOf(b: Backend, asOf: string | null): Costs {
  if (asOf === null)
    return {
      campaigns: (ids, from, to) =>
        b.db
          .all<{ id: string; name: string; start_date: string; end_date: string; budget: number }>(
            sql`SELECT id, name, start_date, end_date, budget FROM campaign WHERE deleted_at IS NULL AND (end_date >= ${from} AND start_date <= ${to} OR id IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`
          )
          .map((c) => ({ id: c.id, name: c.name, startDate: c.start_date, endDate: c.end_date, budget: c.budget })),
      channels: (ids) =>
        b.db
          .all<{ id: string; name: string; platform: string; status: string; cost_per_month: number }>(
            sql`SELECT id, name, platform, status, cost_per_month FROM channel WHERE deleted_at IS NULL AND (status <> 'retired' OR id IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`
          )
          .map((c) => ({ id: c.id, name: c.name, platform: c.platform, status: c.status, costPerMonth: c.cost_per_month }))
    }
  let campaigns: Campaign[] | null = null
  let channels: Channel[] | null = null
  return {
    campaigns: (ids, from, to) => (campaigns ??= recordsAsOf(b.db, 'campaign', asOf) as unknown as Campaign[]).filter((c) => (c.endDate >= from && c.startDate <= to) || ids.includes(c.id)),
    channels: (ids) => (channels ??= recordsAsOf(b.db, 'channel', asOf) as unknown as Channel[]).filter((c) => c.status !== 'retired' || ids.includes(c.id))
  }
}

function namedOf(b: Backend, by: ResultsGroupBy, ids: readonly string[], from: string, to: string, costs: Costs): Named[] {
  if (by === 'campaign')
    return costs.campaigns(ids, from, to).map((c) => ({ id: c.id, name: c.name, detail: `${c.startDate} – ${c.endDate}`, spend: (f, t) => c.budget * shareInside(c.startDate, c.endDate, f, t) }))
  // A retired channel costs nothing any more; its numbers still show.
  if (by === 'channel')
    return costs.channels(ids).map((c) => ({ id: c.id, name: c.name, detail: c.status === 'retired' ? `${labelOf(c.platform)}, retired` : labelOf(c.platform), spend: (f, t) => (c.status === 'retired' ? 0 : c.costPerMonth * monthsIn(f, t)) }))
  return b.db
    .all<{ id: string; title: string; channel: string | null; day: string | null }>(
      sql`SELECT i.id, i.title, ch.name AS channel, substr(coalesce(i.publish_at, i.planned_date), 1, 10) AS day
          FROM content_item i LEFT JOIN channel ch ON ch.id = i.channel_id
          WHERE i.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
    )
    .map((i) => ({ id: i.id, name: i.title, detail: [i.channel, i.day].filter(Boolean).join(' · '), spend: () => 0 }))
}

/**
 * The outcome ledger summed per campaign, channel or item over a period, beside what each cost
 * (core/links/resultsSummary.ts says how cost is counted). Every campaign running in the period and
 * every channel not retired has a row even with no numbers: a campaign that brought nothing is the
 * finding. Numbers matched to none are summed apart, so the rows plus that line make the total.
 */
export function resultsSummaryOf(
  b: Backend,
  input: { groupBy: ResultsGroupBy; from?: string | undefined; to?: string | undefined },
  /** Costs (the hourly rate, budgets, channels' monthly costs) as they stood at the end of this day; null: today's. */
  costsAsOf: string | null = null
): ResultsSummary {
  const profile = workspaceProfileOf(b, costsAsOf)
  const costs = costsOf(b, costsAsOf)
  const span = b.db.get<{ lo: string | null; hi: string | null; files: number }>(
    sql`SELECT min(date) AS lo, max(date) AS hi, count(DISTINCT source_file) AS files FROM outcome WHERE deleted_at IS NULL`
  )
  const ledger =
    span?.lo && span.hi
      ? {
          from: span.lo,
          to: span.hi,
          files: span.files,
          quarters: quartersBetween(span.lo, span.hi).filter((q) => {
            const qr = quarter.of(q)
            return b.db.get(sql`SELECT 1 FROM outcome WHERE deleted_at IS NULL AND date >= ${qr.start} AND date <= ${qr.end} LIMIT 1`) !== undefined
          })
        }
      : null
  const now = quarter.containing(localDay(b.now()))
  const period = input.from !== undefined && input.to !== undefined ? { from: input.from, to: input.to } : ledger ? { from: ledger.from, to: ledger.to } : { from: now.start, to: now.end }
  const { from, to } = period
  const col = column[input.groupBy]

  const sums = b.db.all<Sum>(
    sql`SELECT ${col} AS k, metric, sum(value) AS v, count(*) AS n FROM outcome WHERE deleted_at IS NULL AND date >= ${from} AND date <= ${to} GROUP BY k, metric`
  )
  const work = b.db.all<Work>(
    sql`SELECT ${input.groupBy === 'item' ? sql.id('id') : col} AS k, count(*) AS published, coalesce(sum(effort_hours), 0) AS hours FROM content_item
        WHERE deleted_at IS NULL AND status = 'published' AND substr(coalesce(publish_at, planned_date), 1, 10) BETWEEN ${from} AND ${to} GROUP BY k`
  )
  const byKey = new Map<string, { values: Values; numbers: number }>()
  const outside = { numbers: 0, values: {} as Values }
  const total = { numbers: 0, values: {} as Values, cost: 0 }
  const present = new Set<string>()
  for (const s of sums) {
    present.add(s.metric)
    const into = s.k === null ? outside : (byKey.get(s.k) ?? byKey.set(s.k, { values: {}, numbers: 0 }).get(s.k)!)
    into.values[s.metric] = (into.values[s.metric] ?? 0) + s.v
    into.numbers += s.n
    total.values[s.metric] = (total.values[s.metric] ?? 0) + s.v
    total.numbers += s.n
  }
  const workOf = new Map(work.map((w) => [w.k, w]))
  const rows: ResultsGroup[] = namedOf(b, input.groupBy, [...byKey.keys()], from, to, costs).map((n) => {
    const w = workOf.get(n.id)
    const hours = w?.hours ?? 0
    const spend = n.spend(from, to)
    const cost = hours * profile.blendedHourlyRate + spend
    const got = byKey.get(n.id) ?? { values: {}, numbers: 0 }
    // A metric the period has and this row has not is a 0 here (no deals is 0 pipeline, and a 0× return), not a gap.
    for (const m of present) got.values[m] ??= 0
    return { id: n.id, name: n.name, detail: n.detail, published: w?.published ?? 0, hours, spend, cost, numbers: got.numbers, values: got.values, ...ratios(got.values, cost) }
  })
  total.cost = teamCost(b, from, to, profile.blendedHourlyRate, costs)
  rows.sort((a, b2) => b2.numbers - a.numbers || (b2.values.pipeline_value ?? 0) - (a.values.pipeline_value ?? 0) || a.name.localeCompare(b2.name))
  return {
    groupBy: input.groupBy,
    currency: profile.currency,
    hourlyRate: profile.blendedHourlyRate,
    period,
    ledger,
    metrics: outcomeMetric.options.filter((m) => present.has(m)),
    rows,
    outside,
    unmatched:
      b.db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM outcome WHERE deleted_at IS NULL AND date >= ${from} AND date <= ${to} AND content_id IS NULL AND channel_id IS NULL AND campaign_id IS NULL`
      )?.n ?? 0,
    total
  }
}

/** Every published item's hours at the rate, every campaign's budget share, every channel's cost over the period. */
function teamCost(b: Backend, from: string, to: string, rate: number, costs: Costs): number {
  const hours =
    b.db.get<{ h: number }>(
      sql`SELECT coalesce(sum(effort_hours), 0) AS h FROM content_item WHERE deleted_at IS NULL AND status = 'published' AND substr(coalesce(publish_at, planned_date), 1, 10) BETWEEN ${from} AND ${to}`
    )?.h ?? 0
  const spend = (['campaign', 'channel'] as const).reduce((sum, by) => sum + namedOf(b, by, [], from, to, costs).reduce((s, n) => s + n.spend(from, to), 0), 0)
  return hours * rate + spend
}

function quartersBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let q = quarter.containing(from); q.start <= to; q = quarter.next(q)) out.push(q.key)
  return out
}
