import { z } from 'zod'
import { enums } from '../domain/enums'
import { primitives as p } from '../domain/primitives'

/** The filter the calendar and the board share (and saved views store). Empty lists mean "any". */
export const calendarFilter = z.object({
  channelIds: z.array(p.id).max(200).optional(),
  campaignIds: z.array(p.id).max(200).optional(),
  ownerIds: z.array(p.id).max(200).optional(),
  statuses: z.array(enums.contentStatus).max(7).optional(),
  pillars: z.array(z.string().max(60)).max(50).optional(),
  q: z.string().max(200).optional()
})

export type CalendarFilter = z.infer<typeof calendarFilter>

export { isFilterEmpty } from './isFilterEmpty'
