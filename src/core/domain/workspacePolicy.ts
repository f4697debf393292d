import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

export const checklistEntry = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, 'Use lower-case letters, digits and _'),
  label: p.name(160)
})

/**
 * The team's publishing policy: the checklist an item needs ticked before it can be approved, and how
 * close two items on one channel may sit before the calendar warns. A replicated record, so the whole
 * team works to the same rules; the newest live one is the workspace's policy.
 */
export const workspacePolicy = recordKind({
  kind: 'workspacePolicy',
  table: 'workspace_policy',
  label: 'Workspace policy',
  plural: 'Workspace policies',
  fields: z.object({
    name: p.name(120),
    checklist: z.array(checklistEntry).max(30),
    /** Two items on one channel closer than this (hours) are a clash. */
    clashWindowHours: p.nonNegative(168),
    /** Whether the approver must be someone other than the item's owner (the four-eyes rule). */
    requireOtherApprover: z.boolean(),
    /** Whether an item's workback tasks (those that gate approval) must all be done before it is approved. */
    requireTasksDone: z.boolean()
  }),
  defaults: { name: 'Publishing policy', checklist: [], clashWindowHours: 2, requireOtherApprover: true, requireTasksDone: false },
  required: [],
  refs: {},
  search: ['name'],
  title: 'name',
  check: (c) => {
    const seen = new Set<string>()
    const issues: { path: (string | number)[]; message: string }[] = []
    c.checklist.forEach((e, i) => {
      if (seen.has(e.id)) issues.push({ path: ['checklist', i, 'id'], message: 'This checklist id is used twice' })
      seen.add(e.id)
    })
    return issues
  }
})

export type WorkspacePolicy = z.infer<typeof workspacePolicy.fields>

/** The policy a workspace has before anyone edits it; ids match the demo data's checklist answers. */
export const defaultPolicy: WorkspacePolicy = {
  name: 'Publishing policy',
  checklist: [
    { id: 'brand_voice', label: 'On brand and in our voice' },
    { id: 'claims_checked', label: 'Claims and figures checked; nothing confidential' },
    { id: 'disclosure', label: 'Partnerships and sponsorships disclosed' },
    { id: 'accessibility', label: 'Accessible (alt text, captions)' },
    { id: 'links_tracked', label: 'Links tracked (UTM)' }
  ],
  clashWindowHours: 2,
  requireOtherApprover: true,
  requireTasksDone: false
}
