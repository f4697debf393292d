import type { CommentTarget } from '../../../core/domain/comment'
import { recordKinds } from '../../../core/domain/recordKinds'
import { recordRepo } from '../../backend/repo/recordRepo'
import { currentMember } from '../../backend/people/currentMember'
import { commentService } from '../../backend/services/commentService'
import { tasksFor } from '../../backend/services/tasksFor'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** `smo tasks`: my open workback tasks, overdue first. */
export const tasksCommand = command({
  ...commandSpecs.tasks,
  run: async ({ values }) => {
    const b = await openCliBackend(values)
    try {
      const me = currentMember(b)
      const tasks = me ? tasksFor(b, me.id, b.now()) : []
      if (values.json) {
        console.log(JSON.stringify(tasks, null, 2))
        return 0
      }
      if (!me) console.log('No member to act as: add one on the Members screen first.')
      else if (tasks.length === 0) console.log(`${me.name} has no open tasks.`)
      else {
        console.log(`Open tasks for ${me.name} (${tasks.length}):`)
        for (const t of tasks) console.log(`  ${t.overdue ? 'OVERDUE ' : ''}${t.due ?? 'no date'}  ${t.title} — “${t.contentTitle}”${t.hours > 0 ? ` (${t.hours} h)` : ''}`)
      }
      return 0
    } finally {
      b.close()
    }
  }
})

const targets: readonly CommentTarget[] = ['content', 'campaign', 'conversation', 'influencer']

/** `smo comments --id ID`: the threads on one record, whichever of the four kinds it is. */
export const commentsCommand = command({
  ...commandSpecs.comments,
  run: async ({ values }) => {
    const id = typeof values.id === 'string' ? values.id.trim() : ''
    if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) throw new UsageError(`--id needs the id of a content item, campaign, conversation or influencer (26 characters), got "${id}"`)
    const b = await openCliBackend(values)
    try {
      const kind = targets.find((k) => recordRepo.exists(b.db, k, id))
      if (!kind) throw new UsageError(`No content item, campaign, conversation or influencer with id ${id}`)
      const r = commentService.list(b, kind, id)
      if (values.json) {
        console.log(JSON.stringify(r.threads, null, 2))
        return 0
      }
      const names = new Map(b.db.raw.prepare('SELECT id, name FROM member').all().map((m) => [(m as { id: string }).id, (m as { name: string }).name]))
      const title = String(recordRepo.get(b.db, kind, id)?.[recordKinds[kind].title] ?? id)
      console.log(`${recordKinds[kind].label} “${title}”: ${r.threads.length} thread${r.threads.length === 1 ? '' : 's'}, ${r.open} open`)
      for (const t of r.threads) {
        for (const c of [t, ...t.replies]) console.log(`${c === t ? '' : '    '}${t.resolved && c === t ? '[resolved] ' : ''}${names.get(c.authorId ?? '') ?? 'Unknown'} (${c.createdAt}): ${c.body}`)
      }
      return 0
    } finally {
      b.close()
    }
  }
})
