import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoTeam, RoleKey } from './demoMembers'
import { seededUlid } from './seededUlid'

export type DemoExperts = {
  records: DemoRecord<'expert'>[]
  /** The expert record of each member who answers. */
  byRole: Record<RoleKey, string>
}

/** The members who answer conversations, in the desk's directory. */
export function demoExperts(ctx: DemoContext, team: DemoTeam): DemoExperts {
  const rng = ctx.rng('expert')
  const records: DemoRecord<'expert'>[] = []
  const byRole = {} as Record<RoleKey, string>
  for (const [role, m] of Object.entries(team.byRole) as [RoleKey, DemoTeam['byRole'][RoleKey]][]) {
    const member = team.records.find((r) => r.id === m.id)
    const id = seededUlid(rng, (ctx.spanStart - rng.int(1, 20)) * cal.DAY_MS)
    records.push({
      id, name: m.name, memberId: m.id, team: 'Marketing', role: member?.role ?? '', email: member?.email ?? '', topics: [], languages: ['en'],
      availability: 'available', availabilityNote: '', escalatesToId: null, active: true, leftAt: null
    })
    byRole[role] = id
  }
  return { records, byRole }
}
