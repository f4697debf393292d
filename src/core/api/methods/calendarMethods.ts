import { z } from 'zod'
import { calendarCells } from '../../calendar/calendarCells'
import { calendarFilter } from '../../calendar/calendarFilter'
import { recurrenceRule } from '../../calendar/recurrence'
import { contentItem } from '../../domain/contentItem'
import { enums } from '../../domain/enums'
import { primitives as p } from '../../domain/primitives'
import { savedView } from '../../domain/savedView'
import { checklistEntry, workspacePolicy } from '../../domain/workspacePolicy'
import { creationId, crudMethods } from '../crudMethods'
import { editBase } from '../editBase'
import { systemFields } from '../../domain/recordKind'

const nullableText = z.string().nullable()

/** The fields a calendar cell, card or agenda row draws; the side panel loads the whole record. */
export const calendarItem = z.object({
  id: z.string(),
  title: z.string(),
  channelId: nullableText,
  campaignId: nullableText,
  pillar: z.string(),
  format: z.string(),
  ownerId: nullableText,
  status: enums.contentStatus,
  plannedDate: nullableText,
  dueDate: nullableText,
  publishAt: nullableText,
  publishZone: nullableText,
  effortHours: z.number(),
  seriesId: nullableText,
  approverId: nullableText,
  approvedAt: nullableText,
  trackingUrl: z.string()
})
export type CalendarItem = z.infer<typeof calendarItem>

const dateField = z.enum(['planned', 'due', 'publish'])
const weekStart = z.number().int().min(1).max(7)
const range = z
  .object({ from: p.date, to: p.date })
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'The end date is before the start date' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { path: ['to'], message: 'A range may span at most 400 days' })
const written = z.object({ tx: z.string().nullable(), count: z.number() })
const historyStep = z.object({ tx: z.string(), label: z.string() })
const historyState = z.object({ undo: z.array(historyStep), redo: z.array(historyStep) })
const contentSet = contentItem.fields.partial()
const policyOut = workspacePolicy.fields.extend({ id: z.string().nullable() })

/**
 * "Keep approval": the member who re-signs an approved item's edited content (see
 * core/calendar/approvalVoidingFields.ts). Without it, an edit to approved content sends it back to review.
 */
const keepApprovalAs = p.id

/** Editorial calendar and board: ranged reads aggregated in SQL, undoable writes, policy, export. */
export const calendarMethods = {
  ...crudMethods(savedView),
  ...crudMethods(workspacePolicy),
  // The generic update plus the keep-approval choice, so every route that edits content offers it.
  'content-update': {
    input: contentItem.fields.partial().extend({ id: z.string().min(1, 'Required'), base: editBase.optional(), keepApprovalAs: keepApprovalAs.optional() }),
    output: contentItem.fields.extend(systemFields),
    summary: 'Change fields of a content item (an edit to approved content sends it back to review unless an approver keeps the approval)'
  },
  'calendar-range': {
    input: z.intersection(range, z.object({ dateField: dateField.optional(), filter: calendarFilter.optional() })),
    output: z.object({
      items: z.array(calendarItem),
      campaigns: z.array(z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), color: z.string() })),
      truncated: z.boolean()
    }),
    summary: 'Dated content items (and running campaigns) in a date range, filtered'
  },
  'calendar-month': {
    input: z.intersection(range, z.object({ dateField: dateField.optional(), filter: calendarFilter.optional(), weekStart: weekStart.optional() })),
    output: z.object({
      cells: calendarCells.schema,
      campaigns: z.array(z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), color: z.string() })),
      truncated: z.boolean(),
      clashes: z.array(z.object({ kind: z.enum(['channel_window', 'same_title', 'same_link']), ids: z.tuple([z.string(), z.string()]), message: z.string() })),
      cadence: z.object({ weeks: z.array(z.string()), rows: z.array(z.object({ channelId: z.string(), name: z.string(), target: z.number(), counts: z.array(z.number()) })) }),
      capacity: z.object({ weeks: z.array(z.string()), rows: z.array(z.object({ memberId: z.string(), name: z.string(), capacity: z.number(), hours: z.array(z.number()) })) })
    }),
    summary: 'Everything a calendar view draws for a date range in one call: packed items, campaigns, clashes, cadence and capacity per week'
  },
  'calendar-backlog': {
    input: z.object({ filter: calendarFilter.optional() }),
    output: z.object({ items: z.array(calendarItem), total: z.number() }),
    summary: 'Ideas and drafts without a planned date'
  },
  'calendar-board': {
    input: z.object({ filter: calendarFilter.optional(), perColumn: z.number().int().min(1).max(500).optional() }),
    output: z.object({ columns: z.array(z.object({ status: enums.contentStatus, count: z.number(), effortHours: z.number(), items: z.array(calendarItem) })) }),
    summary: 'Content by status: counts and planned effort per column and the first cards of each'
  },
  'calendar-cadence': {
    input: z.intersection(range, z.object({ weekStart: weekStart.optional(), filter: calendarFilter.optional() })),
    output: z.object({
      weeks: z.array(z.string()),
      rows: z.array(z.object({ channelId: z.string(), name: z.string(), target: z.number(), counts: z.array(z.number()) }))
    }),
    summary: 'Planned items per channel per week against each channel\'s target'
  },
  'calendar-capacity': {
    input: z.intersection(range, z.object({ weekStart: weekStart.optional() })),
    output: z.object({
      weeks: z.array(z.string()),
      rows: z.array(z.object({ memberId: z.string(), name: z.string(), capacity: z.number(), hours: z.array(z.number()) }))
    }),
    summary: 'Planned effort per member per week against weekly capacity'
  },
  'calendar-clashes': {
    input: range,
    output: z.object({
      windowHours: z.number(),
      clashes: z.array(z.object({ kind: z.enum(['channel_window', 'same_title', 'same_link']), ids: z.tuple([z.string(), z.string()]), message: z.string() }))
    }),
    summary: 'Items too close on one channel, or the same title or link twice in a week'
  },
  'calendar-create': {
    input: z.object({ values: contentSet, creationId: creationId.optional() }),
    output: z.object({ tx: z.string().nullable(), item: calendarItem }),
    summary: 'Create a content item from the calendar (undoable)'
  },
  'calendar-update': {
    input: z.object({
      ids: z.array(p.id).min(1, 'Choose at least one item').max(2000),
      set: contentSet.optional(),
      /** Move every chosen item by whole days (planned, due and publish dates; publish keeps its wall-clock time). */
      shiftDays: z.number().int().min(-3660).max(3660).optional(),
      /** Apply `set` to every open occurrence of the items' series. */
      scope: z.enum(['one', 'series']).optional(),
      label: z.string().max(120).optional(),
      /** With one id: the version the edit was made against; a field changed since is refused as a conflict. */
      base: editBase.optional(),
      keepApprovalAs: keepApprovalAs.optional()
    }),
    output: written,
    summary: 'Change one or many items in one transaction (one undo step)'
  },
  'calendar-delete': {
    input: z.object({ ids: z.array(p.id).min(1).max(2000), scope: z.enum(['one', 'series']).optional() }),
    output: written,
    summary: 'Delete items (tombstones) in one undoable step'
  },
  'calendar-repeat': {
    input: z.object({ id: p.id, rule: recurrenceRule }),
    output: written,
    summary: 'Make an item the first of a recurring series (weekly, every N weeks, monthly)'
  },
  'calendar-policy-get': { input: z.object({}), output: policyOut, summary: 'The workspace publishing policy (checklist, clash window)' },
  'calendar-policy-set': {
    input: z.object({
      checklist: z.array(checklistEntry).max(30).optional(),
      clashWindowHours: p.nonNegative(168).optional(),
      requireOtherApprover: z.boolean().optional(),
      requireTasksDone: z.boolean().optional()
    }),
    output: policyOut,
    summary: 'Change the workspace publishing policy'
  },
  'calendar-ics': {
    input: z.object({
      from: p.date.optional(),
      to: p.date.optional(),
      channelIds: z.array(p.id).max(200).optional(),
      filter: calendarFilter.optional()
    }).refine((r) => r.from === undefined || r.to === undefined || r.to >= r.from, { path: ['to'], message: 'The end date is before the start date' }),
    output: z.object({ text: z.string(), count: z.number() }),
    summary: 'An RFC 5545 calendar (.ics) of dated items'
  },
  'history-state': { input: z.object({}), output: historyState, summary: 'Undo and redo steps of this session (newest first)' },
  'history-undo': {
    // `tx`: undo only if the newest step is this change (the import dialog's "Undo this import"), never an edit made after it.
    input: z.object({ tx: z.string().max(100).optional() }),
    output: z.object({ tx: z.string(), label: z.string(), state: historyState }),
    summary: 'Undo the newest change of this session (or, given tx, only if that change is the newest)'
  },
  'history-redo': { input: z.object({}), output: z.object({ tx: z.string(), label: z.string(), state: historyState }), summary: 'Redo the newest undone change' }
}
