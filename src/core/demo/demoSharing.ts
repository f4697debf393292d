import type { TemplateStep } from '../domain/taskTemplate'
import { parseMentions } from '../sharing/parseMentions'
import { taskDue } from '../sharing/taskDue'
import { tasksFromTemplate, type RoleMember } from '../sharing/tasksFromTemplate'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoChannels } from './demoChannels'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import type { DemoTeam, RoleKey } from './demoMembers'
import { seededUlid } from './seededUlid'

const step = (key: string, title: string, offsetDays: number, hours: number, assigneeRole: string, after: string[] = [], gatesApproval = true): TemplateStep => ({
  key, title, offsetDays, hours, assigneeId: null, assigneeRole, after, gatesApproval
})

/** The team's two standard workback plans, counted back from the publish day. */
const TEMPLATES = [
  {
    name: 'Blog article workback', platform: 'blog', format: 'article' as const,
    steps: [
      step('brief', 'Brief agreed', -10, 1, 'Head of Marketing'),
      step('draft', 'First draft', -6, 4, 'item owner', ['brief']),
      step('design', 'Header image and diagrams', -5, 1.5, 'Social Media Manager', ['brief']),
      step('legal', 'Claims and legal review', -3, 0.5, 'Head of Marketing', ['draft']),
      step('approval', 'Approval', -2, 0.5, 'Content Lead', ['legal', 'design'], false)
    ]
  },
  {
    name: 'Webinar workback', platform: 'webinar', format: 'webinar' as const,
    steps: [
      step('brief', 'Topic and speakers confirmed', -21, 1, 'item owner'),
      step('landing', 'Landing page and registration form', -14, 3, 'Content Lead', ['brief']),
      step('promo', 'Promotion posts scheduled', -10, 2, 'Social Media Manager', ['landing']),
      step('deck', 'Slides and demo script', -5, 6, 'item owner', ['brief']),
      step('rehearsal', 'Dry run with the speakers', -2, 1.5, 'Developer Advocate', ['deck']),
      step('approval', 'Approval', -3, 0.5, 'Head of Marketing', ['deck'], false)
    ]
  }
]

type Thread = { author: RoleKey; body: string; replies: { author: RoleKey; body: string }[]; resolved?: RoleKey }
const CONTENT_THREADS: readonly Thread[] = [
  { author: 'content', body: '@Hannah can you check the customer numbers in the second section before legal review?', replies: [{ author: 'head', body: 'Checked with sales — 40% is right, but say "up to". @Tom Ellery please update.' }] },
  { author: 'head', body: 'Does the header image match the new brand palette? @Priya', replies: [{ author: 'social', body: 'Yes, new palette. I will export the LinkedIn crop too.' }], resolved: 'head' },
  { author: 'pmm', body: '@Leo Martins we need a demo clip for this one — ask @Marketing Ops for the recording slot.', replies: [] }
]
const OTHER_THREADS: Record<'campaign' | 'conversation' | 'influencer', Thread> = {
  campaign: { author: 'head', body: 'Budget is tight this quarter: @Aisha can we drop one paid placement?', replies: [{ author: 'pmm', body: 'Yes, the second newsletter sponsorship. @Hannah I will update the plan.' }] },
  conversation: { author: 'community', body: '@Leo this is the same lineage bug as last week — can you answer with the workaround?', replies: [] },
  influencer: { author: 'social', body: 'She asked about the podcast. @Hannah ok to offer a guest slot next month?', replies: [] }
}

type Out = { taskTemplate: DemoRecord<'taskTemplate'>[]; task: DemoRecord<'task'>[]; comment: DemoRecord<'comment'>[] }

/**
 * Workback templates for blog articles and webinars, their tasks on the coming weeks' items (the
 * older steps mostly done, some left overdue) and comment threads with @mentions on content, a
 * campaign, a conversation and an influencer, so every sharing screen has something to show.
 */
export function demoSharing(
  ctx: DemoContext, team: DemoTeam, channels: DemoChannels, content: readonly DemoRecord<'content'>[],
  others: { campaign: readonly { id: string }[]; conversation: readonly { id: string }[]; influencer: readonly { id: string }[] }
): Out {
  const rng = ctx.rng('sharing')
  const now = ctx.today * cal.DAY_MS
  const today = cal.dayString(ctx.today)
  const members: RoleMember[] = team.records.map((m) => ({ id: m.id, name: m.name, role: m.role, access: m.access, active: m.active }))
  const out: Out = { taskTemplate: [], task: [], comment: [] }

  for (const t of TEMPLATES) {
    const channelId = channels.records.find((c) => c.platform === t.platform)?.id ?? null
    const id = seededUlid(rng, now - 60 * cal.DAY_MS)
    out.taskTemplate.push({ id, name: t.name, channelId, format: t.format, steps: t.steps })
    const soon = content
      .filter((c) => c.format === t.format && c.plannedDate !== null && c.plannedDate >= cal.dayString(ctx.today - 6) && c.plannedDate <= cal.dayString(ctx.today + 35))
      .filter((c) => c.status !== 'published' && c.status !== 'cancelled')
      .slice(0, 4)
    soon.forEach((item, n) => {
      for (const task of tasksFromTemplate({ id, steps: t.steps }, item, members, [])) {
        const due = taskDue({ offsetDays: task.offsetDays, done: false, doneDueDate: null }, item)
        // Steps due before yesterday are mostly done; the rest stay open, and some of those are late
        // (all of the first item's, so the inbox and My work always have overdue work to show).
        const done = n > 0 && due !== null && due < cal.dayString(ctx.today - 1) && rng.chance(0.6)
        const doneAt = done && due !== null ? cal.instantString(Date.parse(`${due}T15:00:00Z`)) : null
        out.task.push({ id: seededUlid(rng, now - 20 * cal.DAY_MS), ...task, done, doneAt, doneById: done ? task.assigneeId : null, doneDueDate: done ? due : null })
      }
    })
  }

  const write = (kind: 'content' | 'campaign' | 'conversation' | 'influencer', targetId: string, th: Thread, ageDays: number) => {
    const at = now - ageDays * cal.DAY_MS
    const rootId = seededUlid(rng, at)
    const comment = (author: RoleKey, body: string, parentId: string | null): DemoRecord<'comment'> => ({
      id: parentId === null ? rootId : seededUlid(rng, at + 3_600_000), targetKind: kind, targetId, parentId, authorId: team.byRole[author].id, body,
      mentions: parseMentions(body, team.records).memberIds, resolved: false, resolvedById: null, resolvedAt: null, editedAt: null
    })
    const root = comment(th.author, th.body, null)
    if (th.resolved) Object.assign(root, { resolved: true, resolvedById: team.byRole[th.resolved].id, resolvedAt: cal.instantString(at + 7_200_000) })
    out.comment.push(root, ...th.replies.map((r) => comment(r.author, r.body, rootId)))
  }
  const upcoming = content.filter((c) => c.plannedDate !== null && c.plannedDate >= today && c.status !== 'cancelled').slice(0, CONTENT_THREADS.length)
  upcoming.forEach((c, i) => {
    const th = CONTENT_THREADS[i]
    if (th) write('content', c.id, th, 1 + i)
  })
  for (const kind of ['campaign', 'conversation', 'influencer'] as const) {
    const target = others[kind][0]
    if (target) write(kind, target.id, OTHER_THREADS[kind], 2)
  }
  return out
}
