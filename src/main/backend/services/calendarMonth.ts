import type { ApiInput, ApiOutput } from '../../../core/api/contract'
import { calendarCells, type CalendarCell } from '../../../core/calendar/calendarCells'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { calendarQueries, campaignsIn, RANGE_LIMIT, rangeWhere } from './calendarQueries'

type CellRow = {
  id: string; title: string; channel_id: string | null; campaign_id: string | null; pillar: string; owner_id: string | null
  status: CalendarCell['status']; planned_date: string | null; due_date: string | null; publish_at: string | null
  publish_zone: string | null; effort_hours: number; series_id: string | null
}

/**
 * Everything one calendar view (a month grid, a week, the agenda's four weeks) draws, in one call:
 * before, a switch made four requests that queued behind each other on the single SQLite connection,
 * and the items travelled as keyed objects with links and approvals the grid never shows.
 */
export function calendarMonth(b: Backend, i: ApiInput<'calendar-month'>): ApiOutput<'calendar-month'> {
  const rows = b.db.all<CellRow>(
    sql`SELECT id, title, channel_id, campaign_id, pillar, owner_id, status, planned_date, due_date, publish_at, publish_zone, effort_hours, series_id
        FROM content_item WHERE ${rangeWhere(i)} LIMIT ${RANGE_LIMIT + 1}`
  )
  const cells = rows.slice(0, RANGE_LIMIT).map((r): CalendarCell => ({
    id: r.id, title: r.title, channelId: r.channel_id, campaignId: r.campaign_id, pillar: r.pillar, ownerId: r.owner_id, status: r.status,
    plannedDate: r.planned_date, dueDate: r.due_date, publishAt: r.publish_at, publishZone: r.publish_zone, effortHours: r.effort_hours, seriesId: r.series_id
  }))
  const span = { from: i.from, to: i.to, weekStart: i.weekStart ?? 1 }
  return {
    cells: calendarCells.encode(cells),
    campaigns: campaignsIn(b, i),
    truncated: rows.length > RANGE_LIMIT,
    clashes: calendarQueries.clashes(b, i).clashes,
    cadence: calendarQueries.cadence(b, { ...span, filter: i.filter }),
    capacity: calendarQueries.capacity(b, span)
  }
}
