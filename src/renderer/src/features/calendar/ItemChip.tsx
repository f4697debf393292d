import { memo } from 'react'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { zonedTime } from '../../../../core/calendar/zonedTime'
import { labelOf } from '../../../../core/domain/vocabularies'
import { DRAG_TYPE, usePlanner } from './plannerContext'

/** One item on the calendar: colour, time in the viewer's zone (planned zone on hover), warnings. */
/** `tabIndex`: -1 inside a grid or list that moves focus itself (one Tab stop for all of them). */
export const ItemChip = memo(function ItemChip({ item, compact = false, tabIndex = 0 }: { item: CalendarCell; compact?: boolean; tabIndex?: number }) {
  const p = usePlanner()
  const color = p.colorOf(item)
  const clash = p.clashes.get(item.id)
  const local = item.publishAt ? zonedTime.toWallClock(item.publishAt, p.zone).time : null
  const planned = item.publishAt && item.publishZone ? `${zonedTime.toWallClock(item.publishAt, item.publishZone).time} ${item.publishZone}` : null
  const hover = [
    item.title,
    `${labelOf(item.status)} · ${p.names.channel.get(item.channelId ?? '') ?? 'no channel'} · ${p.names.member.get(item.ownerId ?? '') ?? 'no owner'}`,
    local ? `Publishes ${local} your time (${p.zone})${planned ? `; planned as ${planned}` : ''}` : null,
    item.dueDate ? `Deadline ${item.dueDate}` : null,
    ...(clash ?? []).map((c) => `⚠ ${c}`)
  ].filter(Boolean).join('\n')
  return (
    // A div, not a <button>: Chromium does not start a native drag from a button.
    <div
      role="button"
      tabIndex={tabIndex}
      className={`chip chip-${item.status}${p.selected.has(item.id) ? ' chip-selected' : ''}${clash ? ' chip-clash' : ''}${compact ? ' chip-compact' : ''}`}
      style={{ ['--chip' as string]: color.color }}
      draggable={item.status !== 'published'}
      title={hover}
      data-testid="cal-item"
      data-id={item.id}
      data-title={item.title}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, item.id)
        e.dataTransfer.setData('text/plain', item.title)
        e.dataTransfer.effectAllowed = 'move'
      }}
      onClick={(e) => {
        e.stopPropagation()
        if (e.shiftKey || e.ctrlKey || e.metaKey) p.select(item.id, true)
        else p.open(item.id)
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return
        e.preventDefault()
        e.stopPropagation()
        p.open(item.id)
      }}
    >
      {local && <span className="chip-time">{local}</span>}
      <span className="chip-title">{item.title}</span>
      {item.seriesId && <span className="chip-icon" aria-label="Recurring">↻</span>}
      {clash && <span className="chip-icon chip-warn" aria-label="Clash">⚠</span>}
      {item.status === 'approved' && <span className="chip-icon" aria-label="Approved">✓</span>}
    </div>
  )
})


/** The date an item sits on under the chosen date field, in the viewer's zone for publish times. */
export function dateOf(item: CalendarCell, field: 'planned' | 'due' | 'publish', zone: string): string | null {
  if (field === 'due') return item.dueDate
  if (field === 'publish') return item.publishAt ? zonedTime.toWallClock(item.publishAt, zone).date : null
  return item.plannedDate
}
