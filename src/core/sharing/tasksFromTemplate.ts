import type { TemplateStep } from '../domain/taskTemplate'

export type RoleMember = { id: string; name: string; role: string; access: string; active: boolean }
export type NewTask = {
  contentId: string; templateId: string; stepKey: string; title: string; offsetDays: number; hours: number
  assigneeId: string | null; assigneeRole: string; gatesApproval: boolean
}

/** The step role that means "whoever owns the item" (drafting is usually the owner's own work). */
export const ITEM_OWNER_ROLE = 'item owner'

/**
 * Who does a step: the named member; the item's owner for the role "item owner"; else the one active
 * member whose job title or access role is the step's role (case-insensitive). With several such
 * members, or none, the task stays with the role so the team sees it is unclaimed rather than
 * landing on someone arbitrary.
 */
export function assigneeFor(step: Pick<TemplateStep, 'assigneeId' | 'assigneeRole'>, members: readonly RoleMember[], itemOwnerId: string | null = null): string | null {
  if (step.assigneeId !== null) return step.assigneeId
  const role = step.assigneeRole.trim().toLowerCase()
  if (role === '') return null
  if (role === ITEM_OWNER_ROLE) return itemOwnerId
  const fits = members.filter((m) => m.active && (m.role.trim().toLowerCase() === role || m.access === role))
  return fits.length === 1 ? (fits[0]?.id ?? null) : null
}

/**
 * The tasks applying a template creates on an item. Steps the item already has (same template and
 * step) are skipped, so applying twice adds only what is missing.
 */
export function tasksFromTemplate(
  template: { id: string; steps: readonly TemplateStep[] },
  item: { id: string; ownerId: string | null },
  members: readonly RoleMember[],
  existing: readonly { templateId: string | null; stepKey: string }[]
): NewTask[] {
  const have = new Set(existing.filter((t) => t.templateId === template.id).map((t) => t.stepKey))
  return template.steps
    .filter((s) => !have.has(s.key))
    .map((s) => ({
      contentId: item.id, templateId: template.id, stepKey: s.key, title: s.title, offsetDays: s.offsetDays, hours: s.hours,
      assigneeId: assigneeFor(s, members, item.ownerId), assigneeRole: s.assigneeRole, gatesApproval: s.gatesApproval
    }))
}
