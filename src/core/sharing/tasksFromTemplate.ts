import type { TemplateStep } from '../domain/taskTemplate'

export type RoleMember = { id: string; name: string; role: string; access: string; active: boolean }
export type NewTask = {
  contentId: string; templateId: string; stepKey: string; title: string; offsetDays: number; hours: number
  assigneeId: string | null; assigneeRole: string; gatesApproval: boolean
}

/**
 * Who does a step: the named member, else the one active member whose job title or access role is
 * the step's role (case-insensitive). With several such members, or none, the task stays with the
 * role so the team sees it is unclaimed rather than landing on someone arbitrary.
 */
export function assigneeFor(step: Pick<TemplateStep, 'assigneeId' | 'assigneeRole'>, members: readonly RoleMember[]): string | null {
  if (step.assigneeId !== null) return step.assigneeId
  const role = step.assigneeRole.trim().toLowerCase()
  if (role === '') return null
  const fits = members.filter((m) => m.active && (m.role.trim().toLowerCase() === role || m.access === role))
  return fits.length === 1 ? (fits[0]?.id ?? null) : null
}

/**
 * The tasks applying a template creates on an item. Steps the item already has (same template and
 * step) are skipped, so applying twice adds only what is missing.
 */
export function tasksFromTemplate(
  template: { id: string; steps: readonly TemplateStep[] },
  contentId: string,
  members: readonly RoleMember[],
  existing: readonly { templateId: string | null; stepKey: string }[]
): NewTask[] {
  const have = new Set(existing.filter((t) => t.templateId === template.id).map((t) => t.stepKey))
  return template.steps
    .filter((s) => !have.has(s.key))
    .map((s) => ({
      contentId, templateId: template.id, stepKey: s.key, title: s.title, offsetDays: s.offsetDays, hours: s.hours,
      assigneeId: assigneeFor(s, members), assigneeRole: s.assigneeRole, gatesApproval: s.gatesApproval
    }))
}
