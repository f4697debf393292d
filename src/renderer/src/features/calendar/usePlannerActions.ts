import { useCallback, useState } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { VOIDABLE_STATUSES } from '../../../../core/calendar/approvalVoidingFields'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { dayLabel } from './dayLabel'
import { dateOf } from './ItemChip'
import type { DateField } from './usePlannerState'

/** `undo`: the toast offers an Undo button (a move that sent approved items back to review). */
export type Toast = { text: string; tone: 'ok' | 'error'; undo?: boolean } | null

/**
 * The writes the calendar makes (drag, drop from and to the backlog, bulk edits, create). Nothing is
 * moved on screen before the backend agrees: a refused drag simply stays where it was (it "snaps
 * back") and the refusal is shown, so nothing is ever half-saved.
 */
export function usePlannerActions(items: readonly CalendarCell[], backlog: readonly CalendarCell[], dateField: DateField, zone: string, selected: ReadonlySet<string>) {
  const [toast, setToast] = useState<Toast>(null)
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setToast({ text, tone }), [])
  // A move changes the date an approval covered, so the backend sends approved items back to review;
  // the toast says so and offers the undo that restores both the date and the approval.
  const moved = useCallback(
    (text: string, moving: readonly CalendarCell[]) => {
      const voided = moving.filter((i) => VOIDABLE_STATUSES.includes(i.status)).length
      if (voided === 0) return say(text)
      const what = moving.length === 1 ? 'its approval was for the old date, so it is back in review' : `${voided} approved item${voided === 1 ? ' is' : 's are'} back in review (the approval was for the old date)`
      setToast({ text: `${text}; ${what}`, tone: 'ok', undo: true })
    },
    [say]
  )
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
          return moved(`"${item.title}" now publishes ${date} ${time} your time`, [item])
        }
        const from = dateOf(item, dateField, zone)
        if (from === null) {
          await api.call('calendar-update', { ids: [id], set: { plannedDate: date }, label: `plan "${item.title}"` })
          return say(`Planned "${item.title}" for ${dayLabel(date)}`)
        }
        const delta = calendarDates.daysBetween(from, date)
        if (delta === 0) return
        const ids = selected.has(id) ? [...selected] : [id]
        await api.call('calendar-update', { ids, shiftDays: delta, label: ids.length > 1 ? `move ${ids.length} items` : `move "${item.title}"` })
        const moving = ids.flatMap((x) => items.find((i) => i.id === x) ?? [])
        moved(ids.length > 1 ? `Moved ${ids.length} items by ${delta} day${Math.abs(delta) === 1 ? '' : 's'}` : `Moved "${item.title}" to ${dayLabel(date)}`, moving)
      } catch (e) {
        fail(e)
      }
    },
    [items, backlog, dateField, zone, selected, say, fail, moved]
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
