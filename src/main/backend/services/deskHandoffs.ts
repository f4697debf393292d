import { ApiError } from '../../../core/api/apiError'
import { recordKinds } from '../../../core/domain/recordKinds'
import { crmColumns, crmCsv, type CrmFormat, type CrmLead } from '../../../core/listening/crmCsv'
import type { Backend } from '../backend'
import type { Change } from '../mutate'
import { sql } from '../db/sql'
import { createOnce } from './createOnce'
import { fieldsOf, recordService, validateRecord } from './recordService'
import { localDay } from '../localDay'

type Rec = Record<string, unknown>
export const HANDOFF_SOURCE = 'Listening desk hand-offs'

/**
 * A hand-off with a goal counts toward it the way goals read results: as the goal's KPI level on the
 * hand-off's day, one more than the level before it (the same day's hand-off measurement goes up by one).
 */
function goalCount(b: Backend, goalId: string, day: string, company: string): Change {
  const same = b.db.get<{ id: string; value: number }>(
    sql`SELECT id, value FROM measurement WHERE goal_id = ${goalId} AND date = ${day} AND source = ${HANDOFF_SOURCE} AND deleted_at IS NULL LIMIT 1`
  )
  if (same) return { op: 'update', kind: 'measurement', id: same.id, set: { value: same.value + 1 } }
  const last = b.db.get<{ value: number }>(
    sql`SELECT value FROM measurement WHERE goal_id = ${goalId} AND date <= ${day} AND deleted_at IS NULL ORDER BY date DESC, updated_at DESC LIMIT 1`
  )
  return {
    op: 'create',
    kind: 'measurement',
    id: b.newId(),
    values: { goalId, channelId: null, metric: '', date: day, value: (last?.value ?? 0) + 1, source: HANDOFF_SOURCE, note: `Hand-off: ${company}`.slice(0, 1000) }
  }
}

export const deskHandoffs = {
  /** `handoff-create`: the record and its goal's count in one step. */
  create(b: Backend, raw: Rec): Rec {
    const { creationId, ...input } = raw as { creationId?: string } & Rec
    const rk = recordKinds.handoff
    const withDefaults = { handedAt: new Date(b.now()).toISOString(), ...rk.defaults, ...input }
    const missing = rk.required.filter((f) => withDefaults[f] === undefined).map((f) => ({ path: [f], message: 'Required' }))
    const checked = validateRecord(b, 'handoff', null, withDefaults)
    const value = checked.value
    const issues = [...missing, ...checked.issues.filter((x) => !missing.some((m) => m.path[0] === x.path[0]))]
    if (issues.length > 0) throw new ApiError('invalid_input', `The hand-off was not saved: check ${[...new Set(issues.map((i) => String(i.path[0])))].join(', ')}`, issues)
    const { id } = createOnce(b, 'handoff', creationId, input, (fresh) => {
      const values = fieldsOf('handoff', value)
      const changes: Change[] = [{ op: 'create', kind: 'handoff', id: fresh, values }]
      if (typeof values.goalId === 'string') changes.push(goalCount(b, values.goalId, String(values.handedAt).slice(0, 10), String(values.company)))
      b.mutate('handoff-create', changes)
    }, b.newId())
    return recordService.get(b, 'handoff', id)
  },

  /** The CSV a CRM import accepts, with each conversation's link and tracking parameters. */
  exportCsv(b: Backend, i: { format: CrmFormat; outcome?: string | string[] | undefined; markExported?: boolean | undefined }) {
    const outcomes = i.outcome === undefined ? [] : Array.isArray(i.outcome) ? i.outcome : [i.outcome]
    const rows = b.db.all<Rec & { id: string }>(sql`
      SELECT h.id, h.first_name, h.last_name, h.email, h.phone, h.company, h.job_title, h.country, h.note, h.campaign, h.handed_at, h.outcome,
        c.url, c.summary, c.network, ch.name AS channel_name, ch.platform
      FROM handoff h LEFT JOIN conversation c ON c.id = h.conversation_id LEFT JOIN channel ch ON ch.id = c.channel_id
      WHERE h.deleted_at IS NULL ORDER BY h.handed_at, h.id`)
    const picked = outcomes.length === 0 ? rows : rows.filter((r) => outcomes.includes(String(r.outcome)))
    const leads: CrmLead[] = picked.map((r) => ({
      firstName: String(r.first_name ?? ''),
      lastName: String(r.last_name ?? ''),
      email: String(r.email ?? ''),
      phone: String(r.phone ?? ''),
      company: String(r.company ?? ''),
      jobTitle: String(r.job_title ?? ''),
      country: String(r.country ?? ''),
      note: String(r.note ?? ''),
      campaign: String(r.campaign ?? ''),
      conversationUrl: String(r.url ?? ''),
      source: String(r.network || r.platform || r.channel_name || 'social'),
      summary: String(r.summary ?? ''),
      handedAt: String(r.handed_at ?? '')
    }))
    if (i.markExported === true && picked.length > 0) {
      const at = new Date(b.now()).toISOString()
      b.mutate('handoff-export', picked.map((r) => ({ op: 'update' as const, kind: 'handoff' as const, id: r.id, set: { exportedAt: at } })))
    }
    const day = localDay(b.now())
    return { csv: crmCsv(i.format, leads), rows: leads.length, fileName: `handoffs-${i.format}-${day}.csv`, columns: crmColumns(i.format) }
  }
}
