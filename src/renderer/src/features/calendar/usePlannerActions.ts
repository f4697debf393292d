import { useCallback, useState } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { dateOf } from './ItemChip'
import type { DateField } from './usePlannerState'

export type Toast = { text: string; tone: 'ok' | 'error' } | null

/**
 * The writes the calendar makes (drag, drop from and to the backlog, bulk edits, create). Nothing is
 * moved on screen before the backend agrees: a refused drag simply stays where it was (it "snaps
 * back") and the refusal is shown, so nothing is ever half-saved.
 */
export function usePlannerActions(items: readonly CalendarCell[], backlog: readonly CalendarCell[], dateField: DateField, zone: string, selected: ReadonlySet<string>) {
  const [toast, setToast] = useState<Toast>(null)
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setToast({ text, tone }), [])
  const fail = useCallback((e: unknown) => say(e instanceof ApiError ? e.message : String(e), 'error'), [say])

  const drop = useCallback(
    async (id: string, date: string | null, time?: string) => {
      const item = items.find((i) => i.id === id) ?? backlog.find((i) => i.id === id)
      if (!item) return
      try {
        if (date === null) {
          if (item.status !== 'idea' && item.status !== 'draft') return say('Only ideas and drafts go back to the backlog; change the status first', 'error')
          await api.call('calendar-update', { ids: [id], set: { plannedDate: null }, label: `unplan "${item.title}"` })
          return say(`"${item.title}" is back in the backlog`)
        }
        if (time !== undefined) {
          const zoneOfItem = item.publishZone ?? zone
          const r = zonedTime.toInstant(date, time, zone)
          if (!r.ok) return say(r.message, 'error')
          await api.call('calendar-update', { ids: [id], set: { publishAt: r.instant, publishZone: zoneOfItem, plannedDate: date }, label: `reschedule "${item.title}"` })
          return say(`"${item.title}" now publishes ${date} ${time} your time`)
        }
        const from = dateOf(item, dateField, zone)
        if (from === null) {
          await api.call('calendar-update', { ids: [id], set: { plannedDate: date }, label: `plan "${item.title}"` })
          return say(`"${item.title}" planned for ${date}`)
        }
        const delta = calendarDates.daysBetween(from, date)
        if (delta === 0) return
        const ids = selected.has(id) ? [...selected] : [id]
        await api.call('calendar-update', { ids, shiftDays: delta, label: ids.length > 1 ? `move ${ids.length} items` : `move "${item.title}"` })
        say(ids.length > 1 ? `Moved ${ids.length} items by ${delta} day(s)` : `"${item.title}" moved to ${date}`)
      } catch (e) {
        fail(e)
      }
    },
    [items, backlog, dateField, zone, selected, say, fail]
  )

  const bulk = useCallback(
    async (ids: string[], set: Record<string, unknown>, label: string) => {
      try {
        const r = await api.call('calendar-update', { ids, set, label })
        say(`${label}: ${r.count} changed`)
        return true
      } catch (e) {
        fail(e)
        return false
      }
    },
    [say, fail]
  )

  return { toast, setToast, say, fail, drop, bulk }
}
