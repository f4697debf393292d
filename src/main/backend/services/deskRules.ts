import type { FieldIssue } from '../../../core/domain/recordKind'
import { weekdays, type DeskPolicy } from '../../../core/domain/deskPolicy'
import { crisisChecklist } from '../../../core/listening/crisisChecklist'
import { chainCircle, ladderCircle } from '../../../core/listening/escalationCircle'
import { waitingChange, type WaitFields } from '../../../core/listening/waitPause'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { registerKindRule } from './kindRules'

type Rec = Record<string, unknown>

/**
 * The listening desk's rules on every write path (forms, CRUD, imports, undo), registered once at
 * import. Circles are refused with the circle named; a crisis opens its checklist.
 */
export function registerDeskRules(): void {
  registerKindRule('conversation', (_b, before, after) => {
    const becameCrisis = after.type === 'crisis' && (before === null || before.type !== 'crisis')
    const empty = !Array.isArray(after.checklist) || after.checklist.length === 0
    return becameCrisis && empty ? { issues: [], extra: { checklist: crisisChecklist() } } : { issues: [] }
  })

  // Entering or leaving "waiting" opens or closes a wait, which pauses the clocks, whoever changed the state.
  registerKindRule('conversation', (b, before, after) => {
    const extra = waitingChange(before as WaitFields | null, after as WaitFields & { occurredAt: string }, new Date(b.now()).toISOString())
    return Object.keys(extra).length > 0 ? { issues: [], extra } : { issues: [] }
  })

  // Resolving from a form or a bulk edit (not the Resolve action) stops the clocks too: without the
  // stamp the resolution clock ran on, and a resolved conversation later showed as breached. Reopening
  // clears it. A created record (an import of old conversations) keeps what its file says.
  registerKindRule('conversation', (b, before, after) => {
    if (before === null) return { issues: [] }
    const nowIso = new Date(b.now()).toISOString()
    if (after.state === 'resolved' && before.state !== 'resolved' && after.resolvedAt === null) {
      const at = nowIso < String(after.occurredAt) ? String(after.occurredAt) : nowIso
      return { issues: [], extra: { resolvedAt: at, ...(after.firstResponseAt === null ? { firstResponseAt: at } : {}) } }
    }
    if (after.state !== 'resolved' && before.state === 'resolved' && after.resolvedAt !== null && after.resolvedAt === before.resolvedAt) return { issues: [], extra: { resolvedAt: null } }
    return { issues: [] }
  })

  registerKindRule('expert', (b, before, after) => {
    const id = before === null ? null : String(before.id)
    const to = (after.escalatesToId as string | null) ?? null
    if (id === null || to === null) return { issues: [] }
    const names = new Map(b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM expert`).map((e) => [e.id, e.name]))
    names.set(id, String(after.name))
    const next = new Map(b.db.all<{ id: string; to: string | null }>(sql`SELECT id, escalates_to_id AS "to" FROM expert WHERE deleted_at IS NULL`).map((e) => [e.id, e.to]))
    next.set(id, to)
    const circle = chainCircle(id, (x) => next.get(x) ?? null, (x) => names.get(x) ?? x)
    return circle === null
      ? { issues: [] }
      : { issues: [{ path: ['escalatesToId'], message: `Escalation would go in a circle: ${circle.join(' → ')}` }] }
  })

  registerKindRule('escalationLadder', (b, before, after) => {
    const issues: FieldIssue[] = []
    const steps = (after.steps as { level: number; expertId: string }[]) ?? []
    const names = new Map<string, string>()
    steps.forEach((s, i) => {
      const e = recordRepo.get(b.db, 'expert', s.expertId)
      if (!e || e.deletedAt !== null) issues.push({ path: ['steps', i, 'expertId'], message: `No expert with id ${s.expertId}` })
      else names.set(s.expertId, String(e.name))
    })
    const circle = ladderCircle(steps, (x) => names.get(x) ?? x)
    if (circle !== null) issues.push({ path: ['steps'], message: `The ladder would escalate in a circle: ${circle.join(' → ')}` })
    const other = b.db.get<{ id: string }>(
      sql`SELECT id FROM escalation_ladder WHERE type = ${String(after.type)} AND deleted_at IS NULL AND id <> ${before === null ? '' : String(before.id)}`
    )
    if (other) issues.push({ path: ['type'], message: `There is already an escalation ladder for this type: change that one` })
    return { issues }
  })

  registerKindRule('routingRule', (b, before, after) => {
    const changed = before === null || before.assigneeId !== after.assigneeId || (before.active !== true && after.active === true)
    if (!changed || after.active !== true) return { issues: [] }
    const e = recordRepo.get(b.db, 'expert', String(after.assigneeId))
    return e && e.active !== true ? { issues: [{ path: ['assigneeId'], message: `${String(e.name)} has left: route to someone who answers` }] } : { issues: [] }
  })

  registerKindRule('deskPolicy', (_b, _before, after) => {
    const week = (after as Rec as DeskPolicy).week
    return weekdays.some((d) => (week[d] ?? []).length > 0)
      ? { issues: [] }
      : { issues: [{ path: ['week'], message: 'The desk needs business hours on at least one weekday, or no clock could ever run' }] }
  })

  registerKindRule('handoff', (b, before, after) => {
    if (before !== null && before.conversationId === after.conversationId) return { issues: [] }
    const c = recordRepo.get(b.db, 'conversation', String(after.conversationId))
    return c && c.type !== 'lead'
      ? { issues: [{ path: ['conversationId'], message: 'Only a lead is handed to sales: make the conversation a lead first' }] }
      : { issues: [] }
  })
}
