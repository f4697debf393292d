import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** The record kinds people can discuss (issue #14 item 5). */
export const commentTarget = z.enum(['content', 'campaign', 'conversation', 'influencer'], {
  error: 'Comments can be made on content items, campaigns, conversations and influencers'
})
export type CommentTarget = z.infer<typeof commentTarget>

/**
 * A remark on a record. A comment without `parentId` opens a thread; replies point at it. Resolving
 * is a thread-level state kept on the opening comment. `mentions` holds the member ids the body's
 * `@Name`s resolved to when it was written, so a later rename never retargets a notification.
 * Replicated like every record, so the team sees the same threads after sync.
 */
export const comment = recordKind({
  kind: 'comment',
  table: 'comment',
  label: 'Comment',
  plural: 'Comments',
  fields: z.object({
    targetKind: commentTarget,
    /** The discussed record; not a typed ref because it points at one of four kinds. */
    targetId: p.id,
    parentId: p.ref,
    authorId: p.ref,
    body: z.string().trim().min(1, 'Write something first').max(5000, 'At most 5000 characters'),
    mentions: z.array(p.id).max(50, 'At most 50 mentions in one comment'),
    resolved: z.boolean(),
    resolvedById: p.ref,
    resolvedAt: p.instant.nullable(),
    /** Set when the author changes the body after posting, so readers see it was edited. */
    editedAt: p.instant.nullable()
  }),
  defaults: { parentId: null, authorId: null, mentions: [], resolved: false, resolvedById: null, resolvedAt: null, editedAt: null },
  required: ['targetKind', 'targetId', 'body'],
  refs: { parentId: 'comment', authorId: 'member', mentions: 'member', resolvedById: 'member' },
  search: ['body'],
  title: 'body'
})

export type Comment = z.infer<typeof comment.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
