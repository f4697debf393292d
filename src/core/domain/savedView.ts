import { z } from 'zod'
import { calendarFilter } from '../calendar/calendarFilter'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/** How a calendar or board is shown, besides what it filters. */
export const viewOptions = z.object({
  mode: z.enum(['month', 'week', 'agenda']).optional(),
  colorBy: z.enum(['channel', 'campaign', 'pillar', 'status']).optional(),
  dateField: z.enum(['planned', 'due', 'publish']).optional()
})

/** A named filter (and view options) a person can reopen; shared with the team like other records. */
export const savedView = recordKind({
  kind: 'savedView',
  table: 'saved_view',
  label: 'Saved view',
  plural: 'Saved views',
  fields: z.object({
    name: p.name(80),
    screen: z.enum(['calendar', 'board']),
    filter: calendarFilter,
    options: viewOptions
  }),
  defaults: { screen: 'calendar', filter: {}, options: {} },
  required: ['name'],
  refs: {},
  search: ['name'],
  title: 'name'
})

export type SavedView = z.infer<typeof savedView.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
