import { memo } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import type { RefOption } from '../../components/fieldSpec'
import { CardMenu } from './CardMenu'
import { CardTasks } from '../sharing/TaskMarks'

export const CARD_DRAG = 'application/x-smo-card'

type Props = {
  item: CalendarItem
  active: boolean
  channelName: string | undefined
  channelColor: string
  ownerName: string | undefined
  members: readonly RefOption[]
  channels: readonly RefOption[]
  onOpen: (id: string) => void
  onSet: (item: CalendarItem, set: Partial<Pick<CalendarItem, 'status' | 'ownerId' | 'channelId'>>, label: string) => void
  /** Done and total workback tasks of the item, when it has any. */
  tasks?: { done: number; total: number } | undefined
}

const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase()
}

/**
 * A compact kanban card: title (two lines at most), channel colour and name, planned date and the
 * owner's initials. A grid cell holding two separate controls — the title button that opens it and
 * the ⋯ menu — never one control inside another; the cell itself takes the roving focus and its name
 * is its visible text (boardKeys.ts has the keys).
 */
export const BoardCard = memo(function BoardCard({ item, active, channelName, channelColor, ownerName, members, channels, onOpen, onSet, tasks }: Props) {
  const date = item.plannedDate ? dateFmt.format(new Date(`${item.plannedDate}T00:00:00Z`)) : null
  return (
    <div
      className={`card card-${item.status}`}
      role="gridcell"
      tabIndex={active ? 0 : -1}
      draggable
      title={item.title}
      data-testid="board-card"
      data-id={item.id}
      onDragStart={(e) => {
        e.dataTransfer.setData(CARD_DRAG, item.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      onClick={() => onOpen(item.id)}
    >
      <button type="button" className="card-open" tabIndex={-1} onClick={(e) => (e.stopPropagation(), onOpen(item.id))}>
        <span className="card-title">{item.title}</span>
      </button>
      <span className="card-channel">
        <span className="card-dot" style={{ background: channelColor }} aria-hidden="true" />
        <span className="card-channel-name">{channelName ?? 'No channel'}</span>
        <CardTasks counts={tasks} />
      </span>
      <span className="card-foot">
        <span className={`card-date${date ? '' : ' subtle'}`}>{date ?? 'Unplanned'}</span>
        {item.effortHours > 0 && <span className="card-effort" title="Planned effort">{item.effortHours} h</span>}
        <span className="filter-gap" />
        <span className={`avatar${ownerName ? '' : ' avatar-none'}`} title={ownerName ?? 'No owner'} aria-hidden="true">{ownerName ? initials(ownerName) : '?'}</span>
        <span className="cal-sr">{ownerName ? `, owner ${ownerName}` : ', no owner'}</span>
      </span>
      <CardMenu item={item} members={members} channels={channels} onSet={(set, label) => onSet(item, set, label)} />
    </div>
  )
})
