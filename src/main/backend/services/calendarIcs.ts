import type { CalendarFilter } from '../../../core/calendar/calendarFilter'
import { icsWriter, type IcsEvent } from '../../../core/calendar/icsWriter'
import { labelOf } from '../../../core/domain/enums'
import type { Backend } from '../backend'
import { sql, type Sql } from '../db/sql'
import { filterSql } from './calendarQueries'

type Row = {
  id: string; title: string; brief: string; status: string; planned_date: string | null; publish_at: string | null
  publish_zone: string | null; tracking_url: string; updated_at: string; channel: string | null; owner: string | null; pillar: string
}

export type IcsOptions = { from?: string; to?: string; channelIds?: string[]; filter?: CalendarFilter; calendarName?: string }

/**
 * The workspace's dated items as an .ics file. A timed event when the item has a publish time (in
 * UTC), else an all-day event on its planned day. The UID is the item id, so re-importing an export
 * updates the events people already have instead of duplicating them.
 */
export function calendarIcs(b: Backend, o: IcsOptions): { text: string; count: number } {
  const where: Sql[] = [sql`c.deleted_at IS NULL`, sql`(c.planned_date IS NOT NULL OR c.publish_at IS NOT NULL)`]
  if (o.from) where.push(sql`coalesce(substr(c.publish_at, 1, 10), c.planned_date) >= ${o.from}`)
  if (o.to) where.push(sql`coalesce(substr(c.publish_at, 1, 10), c.planned_date) <= ${o.to}`)
  if (o.channelIds?.length) where.push(sql`c.channel_id IN (${sql.join(o.channelIds.map((id) => sql`${id}`))})`)
  // The shared filter speaks of bare columns; qualify it through a subquery on the same table.
  const extra = filterSql(o.filter)
  if (extra.length) where.push(sql`c.id IN (SELECT id FROM content_item WHERE ${sql.join(extra, ' AND ')})`)
  const rows = b.db.all<Row>(sql`
    SELECT c.id, c.title, c.brief, c.status, c.planned_date, c.publish_at, c.publish_zone, c.tracking_url, c.updated_at, c.pillar,
           ch.name AS channel, m.name AS owner
    FROM content_item c LEFT JOIN channel ch ON ch.id = c.channel_id LEFT JOIN member m ON m.id = c.owner_id
    WHERE ${sql.join(where, ' AND ')}
    ORDER BY coalesce(c.publish_at, c.planned_date), c.id LIMIT 200000`)
  const events: IcsEvent[] = rows.map((r) => {
    const lines = [r.brief.trim(), '', `Owner: ${r.owner ?? 'unassigned'}`, `Status: ${labelOf(r.status)}`]
    if (r.channel) lines.push(`Channel: ${r.channel}`)
    if (r.publish_zone) lines.push(`Planned in: ${r.publish_zone}`)
    return {
      uid: `${r.id}@smo-desk`,
      start: r.publish_at ? { instant: r.publish_at } : { date: r.planned_date ?? '' },
      summary: r.channel ? `[${r.channel}] ${r.title}` : r.title,
      description: lines.filter((l, i) => i > 0 || l !== '').join('\n').trim(),
      status: r.status === 'cancelled' ? 'CANCELLED' : ['approved', 'scheduled', 'published'].includes(r.status) ? 'CONFIRMED' : 'TENTATIVE',
      categories: [labelOf(r.status), ...(r.pillar ? [r.pillar] : [])],
      url: /^https?:\/\//.test(r.tracking_url) ? r.tracking_url : undefined,
      lastModified: r.updated_at
    }
  })
  return { text: icsWriter(events, { nowMs: b.now(), calendarName: o.calendarName ?? 'SMO Desk editorial calendar' }), count: events.length }
}
