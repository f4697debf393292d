import { z } from 'zod'
import { recurrenceRule } from '../calendar/recurrence'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * A piece of content. Planned date, internal deadline and publish time are separate on purpose
 * (LANDSCAPE.md: "planned" is not "scheduled"). The publish time is an instant plus the IANA zone it
 * was planned in, so daylight-saving changes never move an item.
 */
export const contentItem = recordKind({
  kind: 'content',
  table: 'content_item',
  label: 'Content item',
  plural: 'Content',
  countPlural: 'content items',
  fields: z.object({
    title: p.name(200),
    brief: p.text(10000),
    channelId: p.ref,
    campaignId: p.ref,
    pillar: p.text(60),
    format: enums.contentFormat,
    ownerId: p.ref,
    status: enums.contentStatus,
    plannedDate: p.date.nullable(),
    dueDate: p.date.nullable(),
    publishAt: p.instant.nullable(),
    publishZone: p.zone.nullable(),
    effortHours: p.nonNegative(500),
    goalId: p.ref,
    trackingUrl: p.url,
    /** Policy checklist answers, keyed by the workspace checklist item id. */
    checklist: z.record(z.string().max(60), z.boolean()),
    approverId: p.ref,
    approvedAt: p.instant.nullable(),
    resultReach: p.nonNegative(1e12).nullable(),
    resultEngagements: p.nonNegative(1e12).nullable(),
    resultClicks: p.nonNegative(1e12).nullable(),
    /** KPI units toward the linked goal (leads, sign-ups, mentions…). */
    resultConversions: p.nonNegative(1e12).nullable(),
    /** Recurring items: every occurrence is its own item sharing the series id (the first item's id). */
    seriesId: p.ref.optional(),
    /** The rule the series was made with, kept on each occurrence so any of them can show it. */
    recurrence: recurrenceRule.nullable().optional(),
    /** The id another tool (a scheduler, a CRM) gave this record: a re-import of its export updates it. */
    externalId: p.text(200)
  }),
  defaults: {
    brief: '', channelId: null, campaignId: null, pillar: '', format: 'post', ownerId: null, status: 'idea',
    plannedDate: null, dueDate: null, publishAt: null, publishZone: null, effortHours: 1, goalId: null,
    trackingUrl: '', checklist: {}, approverId: null, approvedAt: null, resultReach: null,
    resultEngagements: null, resultClicks: null, resultConversions: null, seriesId: null, recurrence: null, externalId: ''
  },
  required: ['title'],
  refs: { channelId: 'channel', campaignId: 'campaign', ownerId: 'member', goalId: 'goal', approverId: 'member' },
  search: ['title', 'brief', 'pillar'],
  title: 'title',
  check: (c) => {
    const issues: { path: string[]; message: string }[] = []
    if (c.publishAt !== null && c.publishZone === null)
      issues.push({ path: ['publishZone'], message: 'A publish time needs the time zone it was planned in' })
    if (c.publishAt === null && c.publishZone !== null)
      issues.push({ path: ['publishAt'], message: 'A time zone was given without a publish time' })
    return issues
  }
})

export type ContentItem = z.infer<typeof contentItem.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
