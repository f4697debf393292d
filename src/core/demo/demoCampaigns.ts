import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoGoalIds, GoalKey } from './demoGoals'
import type { DemoTeam, RoleKey } from './demoMembers'
import { seededUlid } from './seededUlid'

export type DemoCampaign = { id: string; start: number; end: number; pillar: string; slug: string }

export type DemoCampaigns = { records: DemoRecord<'campaign'>[]; list: DemoCampaign[] }

type CampaignSpec = {
  name: string
  slug: string
  /** Start and end as day offsets from the previous quarter's start (it spans into the current one). */
  from: (ctx: DemoContext) => number
  to: (ctx: DemoContext) => number
  quarter: 'previous' | 'current'
  goals: GoalKey[]
  budget: number
  owner: RoleKey
  color: string
  pillar: string
  description: string
}

const SPECS: readonly CampaignSpec[] = [
  {
    name: 'State of Data Downtime report', slug: 'downtime-report', from: (c) => c.previous.start + 14, to: (c) => c.previous.start + 60,
    quarter: 'previous', goals: ['demo', 'subs'], budget: 18000, owner: 'head', color: '#e4572e', pillar: 'Data quality',
    description: 'Survey of 400 data leaders on incidents, detection time and cost. Gated report, launch webinar, press and analyst briefings.'
  },
  {
    name: 'Customer stories sprint', slug: 'customer-stories', from: (c) => c.previous.end - 20, to: (c) => c.current.start + 35,
    quarter: 'current', goals: ['demo', 'sov'], budget: 6000, owner: 'content', color: '#17bebb', pillar: 'Customer stories',
    description: 'Six customer stories with numbers sales can quote, each cut into a post series and a webinar segment.'
  },
  {
    name: 'Northwind Monitors 3.0 launch', slug: 'monitors-3-launch', from: (c) => c.current.start + 20, to: (c) => c.current.end - 10,
    quarter: 'current', goals: ['demo', 'subs', 'sov'], budget: 32000, owner: 'pmm', color: '#7c5cff', pillar: 'Product updates',
    description: 'Launch of column-level anomaly detection and the dbt integration: launch post, demo video, webinar, partner push.'
  }
]

export function demoCampaigns(ctx: DemoContext, team: DemoTeam, goals: DemoGoalIds): DemoCampaigns {
  const rng = ctx.rng('campaign')
  const out: DemoCampaigns = { records: [], list: [] }
  for (const spec of SPECS) {
    const start = spec.from(ctx)
    const end = spec.to(ctx)
    const quarterGoals = goals.byQuarter.get(spec.quarter === 'current' ? ctx.current.label : ctx.previous.label) ?? {}
    const goalIds = spec.goals.flatMap((k) => {
      const id = quarterGoals[k]
      return id === undefined ? [] : [id]
    })
    const id = seededUlid(rng, (start - rng.int(20, 40)) * cal.DAY_MS)
    out.records.push({
      id,
      name: `${spec.name} ${cal.quarterOf(start).label.slice(0, 4)}`,
      startDate: cal.dayString(start),
      endDate: cal.dayString(end),
      goalIds,
      budget: spec.budget,
      ownerId: team.byRole[spec.owner].id,
      color: spec.color,
      description: spec.description
    })
    out.list.push({ id, start, end, pillar: spec.pillar, slug: spec.slug })
  }
  return out
}
