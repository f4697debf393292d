import { describe, expect, it } from 'vitest'
import { taskTemplate, type TemplateStep } from '../../../src/core/domain/taskTemplate'
import { checkTemplateSteps } from '../../../src/core/sharing/checkTemplateSteps'
import { publishDay, taskDue } from '../../../src/core/sharing/taskDue'
import { assigneeFor, tasksFromTemplate } from '../../../src/core/sharing/tasksFromTemplate'

const step = (key: string, title: string, offsetDays: number, after: string[] = []): TemplateStep => ({
  key, title, offsetDays, hours: 1, assigneeId: null, assigneeRole: '', after, gatesApproval: true
})
const blog = [step('brief', 'Brief', -10), step('draft', 'Draft', -6, ['brief']), step('design', 'Design', -5, ['draft']), step('legal', 'Legal review', -3, ['draft']), step('approval', 'Approval', -2, ['legal', 'design'])]

describe('task template steps', () => {
  it('accepts a workback plan counting back from the publish date', () => {
    expect(checkTemplateSteps(blog)).toEqual([])
    expect(taskTemplate.check?.({ name: 'Blog', channelId: null, format: 'article', steps: blog })).toEqual([])
  })

  it('refuses an offset after the publish date, naming the step', () => {
    const issues = checkTemplateSteps([...blog, step('promo', 'Promote on LinkedIn', 2)])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toEqual(['steps', 5, 'offsetDays'])
    expect(issues[0]?.message).toContain('"Promote on LinkedIn"')
    expect(issues[0]?.message).toContain('2 days after the publish date')
  })

  it('refuses a dependency cycle with the path that closes it', () => {
    const cyclic = [step('brief', 'Brief', -10, ['review']), step('draft', 'Draft', -6, ['brief']), step('review', 'Review', -3, ['draft'])]
    const issues = checkTemplateSteps(cyclic)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toBe('Step "Brief" depends on itself: Brief → Review → Draft → Brief')
    expect(issues[0]?.path).toEqual(['steps', 0, 'after'])
  })

  it('refuses a step waiting on itself, an unknown step and a key used twice', () => {
    const issues = checkTemplateSteps([step('a', 'Alpha', -2, ['a']), step('b', 'Beta', -1, ['zzz']), step('b', 'Beta again', -1)])
    const messages = issues.map((i) => i.message)
    expect(messages).toContain('Step "Alpha" depends on itself: Alpha → Alpha')
    expect(messages).toContain('Step "Beta" waits for "zzz", which is not a step of this template')
    expect(messages).toContain('Step "Beta again": the key "b" is used by another step')
  })
})

describe('task due dates', () => {
  const item = { plannedDate: '2026-03-20', publishAt: null, publishZone: null }
  it('counts back from the publish day and moves with the item while open', () => {
    expect(taskDue({ offsetDays: -10, done: false, doneDueDate: null }, item)).toBe('2026-03-10')
    expect(taskDue({ offsetDays: -10, done: false, doneDueDate: null }, { ...item, plannedDate: '2026-03-27' })).toBe('2026-03-17')
  })
  it('stays put once done', () => {
    expect(taskDue({ offsetDays: -10, done: true, doneDueDate: '2026-03-10' }, { ...item, plannedDate: '2026-04-30' })).toBe('2026-03-10')
  })
  it('uses the publish time in its own zone over the planned day, and has none without a date', () => {
    // 23:30 UTC on the 19th is already the 20th in Berlin.
    expect(publishDay({ plannedDate: '2026-03-01', publishAt: '2026-03-19T23:30:00Z', publishZone: 'Europe/Berlin' })).toBe('2026-03-20')
    expect(taskDue({ offsetDays: -2, done: false, doneDueDate: null }, { plannedDate: null, publishAt: null, publishZone: null })).toBeNull()
  })
})

describe('applying a template', () => {
  const members = [
    { id: 'M1', name: 'Dana Design', role: 'Designer', access: 'editor', active: true },
    { id: 'M2', name: 'Lee Legal', role: 'Legal', access: 'contributor', active: true },
    { id: 'M3', name: 'Ann Approver', role: 'Head', access: 'approver', active: true },
    { id: 'M4', name: 'Abe Approver', role: 'Lead', access: 'approver', active: true }
  ]
  it('gives a role step to the one member with that job title or access, and leaves an ambiguous role unclaimed', () => {
    expect(assigneeFor({ assigneeId: null, assigneeRole: 'designer' }, members)).toBe('M1')
    expect(assigneeFor({ assigneeId: null, assigneeRole: 'approver' }, members)).toBeNull()
    expect(assigneeFor({ assigneeId: 'M3', assigneeRole: 'legal' }, members)).toBe('M3')
    expect(assigneeFor({ assigneeId: null, assigneeRole: 'Item owner' }, members, 'M2')).toBe('M2')
  })
  it('creates one task per missing step', () => {
    const t = { id: 'T1', steps: blog }
    expect(tasksFromTemplate(t, { id: 'C1', ownerId: null }, members, [])).toHaveLength(5)
    const again = tasksFromTemplate(t, { id: 'C1', ownerId: null }, members, [{ templateId: 'T1', stepKey: 'brief' }, { templateId: 'T1', stepKey: 'draft' }])
    expect(again.map((x) => x.stepKey)).toEqual(['design', 'legal', 'approval'])
  })
})
