import { ApiError } from '../../../core/api/apiError'
import type { ApiInput, ApiOutput } from '../../../core/api/contract'
import type { Comment, CommentTarget } from '../../../core/domain/comment'
import { recordKinds } from '../../../core/domain/recordKinds'
import { parseMentions } from '../../../core/sharing/parseMentions'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Row } from '../db/db'
import { currentMember } from '../people/currentMember'
import { recordCodec } from '../repo/recordCodec'
import { recordRepo } from '../repo/recordRepo'
import { recordService } from './recordService'

const iso = (b: Backend) => new Date(b.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')

function me(b: Backend): string {
  const m = currentMember(b)
  if (!m) throw new ApiError('rule_violation', 'Comments need a member to write them: add yourself on the Members screen first')
  return m.id
}

function load(b: Backend, id: string): Comment {
  return recordService.get(b, 'comment', id) as Comment
}

/** Mentions resolve against the members who can read them: active, not deleted. */
function mentionsIn(b: Backend, text: string): string[] {
  const members = b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM member WHERE deleted_at IS NULL AND active = 1`)
  return parseMentions(text, members).memberIds
}

function ownOnly(c: Comment, memberId: string, verb: string): void {
  if (c.authorId !== memberId) throw new ApiError('forbidden', `Only the author can ${verb} this comment`, [{ path: ['id'], message: 'Written by someone else' }])
}

/** Threads on records: write as *me*, edit and delete only my own, resolve and reopen a whole thread. */
export const commentService = {
  list(b: Backend, targetKind: CommentTarget, targetId: string): ApiOutput<'comment-list'> {
    const codec = recordCodec('comment')
    const rows = b.db
      .all<Row>(sql`SELECT * FROM comment WHERE target_id = ${targetId} AND target_kind = ${targetKind} AND deleted_at IS NULL ORDER BY created_at, id`)
      .map((r) => codec.fromRow(r) as Comment)
    const roots = rows.filter((c) => c.parentId === null)
    const threads = roots.map((r) => ({ ...r, replies: rows.filter((c) => c.parentId === r.id) }))
    return { threads, open: threads.filter((t) => !t.resolved).length, me: currentMember(b)?.id ?? null }
  },

  add(b: Backend, i: ApiInput<'comment-add'>): Comment {
    const author = me(b)
    if (!recordRepo.exists(b.db, i.targetKind, i.targetId))
      throw new ApiError('not_found', `No ${recordKinds[i.targetKind].label.toLowerCase()} with id ${i.targetId}`, [{ path: ['targetId'], message: 'Not found' }])
    let parentId: string | null = null
    if (i.parentId !== undefined) {
      const parent = load(b, i.parentId)
      if (parent.targetId !== i.targetId) throw new ApiError('invalid_input', 'A reply must be on the same record as its thread', [{ path: ['parentId'], message: 'Another record' }])
      // Replies hang off the thread's opening comment: threads stay one level deep.
      parentId = parent.parentId ?? parent.id
    }
    return recordService.create(b, 'comment', {
      targetKind: i.targetKind, targetId: i.targetId, parentId, authorId: author, body: i.body, mentions: mentionsIn(b, i.body)
    }) as Comment
  },

  edit(b: Backend, id: string, body: string): Comment {
    const c = load(b, id)
    ownOnly(c, me(b), 'edit')
    if (c.body === body.trim()) return c
    return recordService.update(b, 'comment', { id, body, mentions: mentionsIn(b, body), editedAt: iso(b) }) as Comment
  },

  resolve(b: Backend, id: string, resolved: boolean): Comment {
    const c = load(b, id)
    const root = c.parentId === null ? c : load(b, c.parentId)
    if (root.resolved === resolved) return root
    const by = me(b)
    return recordService.update(b, 'comment', { id: root.id, resolved, resolvedById: resolved ? by : null, resolvedAt: resolved ? iso(b) : null }) as Comment
  },

  delete(b: Backend, id: string): { id: string } {
    const c = load(b, id)
    ownOnly(c, me(b), 'delete')
    const replies = c.parentId === null ? b.db.all<{ id: string }>(sql`SELECT id FROM comment WHERE parent_id = ${id} AND deleted_at IS NULL`) : []
    b.mutate('comment-delete', [{ op: 'delete', kind: 'comment', id }, ...replies.map((r) => ({ op: 'delete' as const, kind: 'comment' as const, id: r.id }))])
    return { id }
  }
}
