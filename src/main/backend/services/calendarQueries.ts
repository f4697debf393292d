import type { ApiOutput } from '../../../core/api/contract'
import type { CalendarItem } from '../../../core/api/methods/calendarMethods'
import { calendarDates } from '../../../core/calendar/calendarDates'
import type { CalendarFilter } from '../../../core/calendar/calendarFilter'
import { detectClashes } from '../../../core/calendar/clashes'
import { enums } from '../../../core/domain/enums'
import type { Backend } from '../backend'
import { taskHoursByWeek } from './taskQueries'
import { sql, type Sql } from '../db/sql'
import { calendarPolicy } from './calendarPolicy'

export type ItemRow = {
  id: string; title: string; channel_id: string | null; campaign_id: string | null; pillar: string; format: string
  owner_id: string | null; status: CalendarItem['status']; planned_date: string | null; due_date: string | null
  publish_at: string | null; publish_zone: string | null; effort_hours: number; series_id: string | null
  approver_id: string | null; approved_at: string | null; tracking_url: string
}

/** Only the columns a cell draws: a month of a 100k-item workspace is a few thousand rows. */
export const COLS = sql`id, title, channel_id, campaign_id, pillar, format, owner_id, status, planned_date, due_date, publish_at,
  publish_zone, effort_hours, series_id, approver_id, approved_at, tracking_url`

export function toItem(r: ItemRow): CalendarItem {
  return {
    id: r.id, title: r.title, channelId: r.channel_id, campaignId: r.campaign_id, pillar: r.pillar, format: r.format,
    ownerId: r.owner_id, status: r.status, plannedDate: r.planned_date, dueDate: r.due_date, publishAt: r.publish_at,
    publishZone: r.publish_zone, effortHours: r.effort_hours, seriesId: r.series_id, approverId: r.approver_id,
    approvedAt: r.approved_at, trackingUrl: r.tracking_url
  }
}

function inList(col: string, values: readonly string[] | undefined): Sql | null {
  if (!values || values.length === 0) return null
  return sql`${sql.id(col)} IN (${sql.join(values.map((v) => sql`${v}`))})`
}

/** The shared calendar/board filter as SQL conditions (each one an indexed column or a LIKE). */
export function filterSql(f: CalendarFilter | undefined): Sql[] {
  if (!f) return []
  const parts = [
    inList('channel_id', f.channelIds),
    inList('campaign_id', f.campaignIds),
    inList('owner_id', f.ownerIds),
    inList('status', f.statuses),
    inList('pillar', f.pillars)
  ].filter((x): x is Sql => x !== null)
  const q = f.q?.trim()
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    parts.push(sql`(title LIKE ${like} ESCAPE '\\' OR brief LIKE ${like} ESCAPE '\\' OR pillar LIKE ${like} ESCAPE '\\')`)
  }
  return parts
}

export const RANGE_LIMIT = 20_000
const and = (parts: Sql[]) => sql.join(parts, ' AND ')

export type RangeInput = { from: string; to: string; dateField?: 'planned' | 'due' | 'publish'; filter?: CalendarFilter }

/** The items a date range shows under the chosen date field, filtered (shared by range and month). */
export function rangeWhere(i: RangeInput): Sql {
  const where: Sql[] = [sql`deleted_at IS NULL`, ...filterSql(i.filter)]
  if (i.dateField === 'publish') {
    // Instants are UTC; a day in the viewer's zone can start 14 h either side of UTC midnight.
    const lo = new Date(Date.parse(`${i.from}T00:00:00Z`) - 14 * 3_600_000).toISOString()
    const hi = new Date(Date.parse(`${i.to}T23:59:59Z`) + 14 * 3_600_000).toISOString()
    where.push(sql`publish_at BETWEEN ${lo} AND ${hi}`)
  } else if (i.dateField === 'due') where.push(sql`due_date BETWEEN ${i.from} AND ${i.to}`)
  else where.push(sql`planned_date BETWEEN ${i.from} AND ${i.to}`)
  return and(where)
}

/** Campaigns running on any day of the range, for the bars across the grid. */
export function campaignsIn(b: Backend, i: { from: string; to: string }): ApiOutput<'calendar-range'>['campaigns'] {
  return b.db
    .all<{ id: string; name: string; start_date: string; end_date: string; color: string }>(
      sql`SELECT id, name, start_date, end_date, color FROM campaign WHERE deleted_at IS NULL AND start_date <= ${i.to} AND end_date >= ${i.from} ORDER BY start_date, name`
    )
    .map((c) => ({ id: c.id, name: c.name, startDate: c.start_date, endDate: c.end_date, color: c.color }))
}

export const calendarQueries = {
  range(b: Backend, i: RangeInput): ApiOutput<'calendar-range'> {
    const rows = b.db.all<ItemRow>(sql`SELECT ${COLS} FROM content_item WHERE ${rangeWhere(i)} LIMIT ${RANGE_LIMIT + 1}`)
    return { items: rows.slice(0, RANGE_LIMIT).map(toItem), campaigns: campaignsIn(b, i), truncated: rows.length > RANGE_LIMIT }
  },

  backlog(b: Backend, i: { filter?: CalendarFilter }): ApiOutput<'calendar-backlog'> {
    const where = and([sql`deleted_at IS NULL`, sql`planned_date IS NULL`, sql`status IN ('idea', 'draft')`, ...filterSql(i.filter)])
    const rows = b.db.all<ItemRow>(sql`SELECT ${COLS} FROM content_item WHERE ${where} ORDER BY updated_at DESC LIMIT 300`)
    const total = b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item WHERE ${where}`)?.n ?? 0
    return { items: rows.map(toItem), total }
  },

  board(b: Backend, i: { filter?: CalendarFilter; perColumn?: number }): ApiOutput<'calendar-board'> {
    const filter = filterSql(i.filter)
    const base = and([sql`deleted_at IS NULL`, ...filter])
    const counts = new Map(
      b.db.all<{ status: string; n: number; h: number }>(sql`SELECT status, count(*) AS n, total(effort_hours) AS h FROM content_item WHERE ${base} GROUP BY status`).map((r) => [r.status, r])
    )
    const per = i.perColumn ?? 100
    const statuses = (i.filter?.statuses?.length ? enums.contentStatus.options.filter((s) => i.filter?.statuses?.includes(s)) : enums.contentStatus.options)
    return {
      columns: statuses.map((status) => {
        // Work in progress shows the soonest first; finished work the most recent first.
        const done = status === 'published' || status === 'cancelled'
        const order = done ? sql`planned_date IS NULL, planned_date DESC` : sql`planned_date IS NULL, planned_date ASC`
        const rows = b.db.all<ItemRow>(sql`SELECT ${COLS} FROM content_item WHERE ${base} AND status = ${status} ORDER BY ${order}, id LIMIT ${per}`)
        const c = counts.get(status)
        return { status, count: c?.n ?? 0, effortHours: Math.round((c?.h ?? 0) * 10) / 10, items: rows.map(toItem) }
      })
    }
  },

  cadence(b: Backend, i: { from: string; to: string; weekStart?: number; filter?: CalendarFilter }): ApiOutput<'calendar-cadence'> {
    const ws = i.weekStart ?? 1
    const weeks = calendarDates.weeksBetween(i.from, i.to, ws)
    const anchor = weeks[0] ?? i.from
    const where = and([sql`deleted_at IS NULL`, sql`planned_date BETWEEN ${i.from} AND ${i.to}`, sql`status <> 'cancelled'`, sql`channel_id IS NOT NULL`, ...filterSql(i.filter)])
    // Aggregated in SQL over the planned-date index: a quarter is one range scan, not thousands of rows in JS.
    const cells = b.db.all<{ channel_id: string; w: number; n: number }>(
      sql`SELECT channel_id, CAST((julianday(planned_date) - julianday(${anchor})) / 7 AS INTEGER) AS w, count(*) AS n
          FROM content_item INDEXED BY content_planned WHERE ${where} GROUP BY channel_id, w`
    )
    const channels = b.db.all<{ id: string; name: string; cadence_per_week: number }>(
      sql`SELECT id, name, cadence_per_week FROM channel WHERE deleted_at IS NULL AND (status IN ('active', 'paused') OR id IN (SELECT DISTINCT channel_id FROM content_item WHERE planned_date BETWEEN ${i.from} AND ${i.to} AND deleted_at IS NULL)) ORDER BY name`
    )
    const rows = new Map(channels.map((c) => [c.id, { channelId: c.id, name: c.name, target: c.cadence_per_week, counts: weeks.map(() => 0) }]))
    for (const c of cells) {
      const row = rows.get(c.channel_id)
      if (row && c.w >= 0 && c.w < weeks.length) row.counts[c.w] = c.n
    }
    const only = i.filter?.channelIds
    return { weeks, rows: [...rows.values()].filter((r) => !only?.length || only.includes(r.channelId)) }
  },

  capacity(b: Backend, i: { from: string; to: string; weekStart?: number }): ApiOutput<'calendar-capacity'> {
    const ws = i.weekStart ?? 1
    const weeks = calendarDates.weeksBetween(i.from, i.to, ws)
    const anchor = weeks[0] ?? i.from
    const cells = b.db.all<{ owner_id: string; w: number; h: number }>(
      sql`SELECT owner_id, CAST((julianday(planned_date) - julianday(${anchor})) / 7 AS INTEGER) AS w, sum(effort_hours) AS h
          FROM content_item INDEXED BY content_planned
          WHERE deleted_at IS NULL AND planned_date BETWEEN ${i.from} AND ${i.to} AND owner_id IS NOT NULL
            AND status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled')
          GROUP BY owner_id, w`
    )
    const members = b.db.all<{ id: string; name: string; weekly_capacity_hours: number }>(
      sql`SELECT id, name, weekly_capacity_hours FROM member WHERE deleted_at IS NULL AND active = 1 ORDER BY name`
    )
    const rows = new Map(members.map((m) => [m.id, { memberId: m.id, name: m.name, capacity: m.weekly_capacity_hours, hours: weeks.map(() => 0) }]))
    for (const c of cells) {
      const row = rows.get(c.owner_id)
      if (row && c.w >= 0 && c.w < weeks.length) row.hours[c.w] = Math.round(c.h * 100) / 100
    }
    // Workback tasks count on their assignee's week too (issue #14 item 6).
    for (const [memberId, hours] of taskHoursByWeek(b, i.from, i.to, weeks, ws)) {
      const row = rows.get(memberId)
      if (row) row.hours = row.hours.map((h, w) => Math.round((h + (hours[w] ?? 0)) * 100) / 100)
    }
    return { weeks, rows: [...rows.values()] }
  },

  clashes(b: Backend, i: { from: string; to: string }): ApiOutput<'calendar-clashes'> {
    const policy = calendarPolicy(b)
    // A week either side, so a clash across the range edge is still found for the days shown.
    const from = calendarDates.addDays(i.from, -7)
    const to = calendarDates.addDays(i.to, 7)
    // Only what the sweep compares: a month's neighbourhood is thousands of rows on every switch.
    const rows = b.db.all<{ id: string; title: string; channel_id: string | null; planned_date: string | null; publish_at: string | null; tracking_url: string; status: string }>(
      sql`SELECT id, title, channel_id, planned_date, publish_at, tracking_url, status FROM content_item
          WHERE deleted_at IS NULL AND planned_date BETWEEN ${from} AND ${to} AND status NOT IN ('cancelled', 'published') LIMIT 50000`
    )
    const items = rows.map((r) => ({ id: r.id, title: r.title, channelId: r.channel_id, plannedDate: r.planned_date, publishAt: r.publish_at, trackingUrl: r.tracking_url, status: r.status }))
    return { windowHours: policy.clashWindowHours, clashes: detectClashes(items, policy.clashWindowHours) }
  }
}
