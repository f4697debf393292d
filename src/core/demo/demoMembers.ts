import type { z } from 'zod'
import type { enums } from '../domain/enums'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import { seededUlid } from './seededUlid'

type Access = z.infer<typeof enums.access>

export type RoleKey = 'head' | 'content' | 'social' | 'community' | 'devrel' | 'pmm'

export type DemoTeam = {
  records: DemoRecord<'member'>[]
  byRole: Record<RoleKey, { id: string; zone: string; name: string }>
  ids: string[]
}

/**
 * Capacities are hours for marketing work, not contracted hours: the developer advocate and the
 * product marketer spend most of their week elsewhere, which is what makes capacity planning real.
 */
const TEAM: readonly { role: RoleKey; name: string; title: string; hours: number; zone: string; access: Access }[] = [
  { role: 'head', name: 'Hannah Vogel', title: 'Head of Marketing', hours: 18, zone: 'Europe/Berlin', access: 'owner' },
  { role: 'content', name: 'Tom Ellery', title: 'Content Lead', hours: 36, zone: 'Europe/London', access: 'approver' },
  { role: 'social', name: 'Priya Raman', title: 'Social Media Manager', hours: 32, zone: 'America/New_York', access: 'approver' },
  { role: 'community', name: 'Jonas Brandt', title: 'Community Manager', hours: 30, zone: 'Europe/Berlin', access: 'editor' },
  { role: 'devrel', name: 'Leo Martins', title: 'Developer Advocate', hours: 14, zone: 'America/New_York', access: 'contributor' },
  { role: 'pmm', name: 'Aisha Cole', title: 'Product Marketing Manager & Sales Engineer', hours: 8, zone: 'Europe/London', access: 'contributor' }
]

export function demoMembers(ctx: DemoContext): DemoTeam {
  const rng = ctx.rng('member')
  const records: DemoRecord<'member'>[] = []
  const byRole = {} as DemoTeam['byRole']
  for (const m of TEAM) {
    // Joined the workspace somewhere in the year before the demo starts.
    const id = seededUlid(rng, (ctx.spanStart - rng.int(30, 400)) * cal.DAY_MS)
    const email = `${m.name.toLowerCase().replace(/\s+/g, '.')}@northwind-analytics.com`
    records.push({ id, name: m.name, role: m.title, email, weeklyCapacityHours: m.hours, otherWorkHoursPerWeek: 0, active: true, access: m.access })
    byRole[m.role] = { id, zone: m.zone, name: m.name }
  }
  return { records, byRole, ids: records.map((r) => r.id) }
}
