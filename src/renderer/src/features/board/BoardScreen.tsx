import { useMemo, useRef, useState } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import { labelOf } from '../../../../core/domain/enums'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useNames } from '../records/useNames'
import { FilterBar } from '../calendar/FilterBar'
import { ItemPanel } from '../calendar/ItemPanel'
import { statusColors } from '../calendar/plannerColors'
import { useHistory } from '../calendar/useHistory'
import { usePlannerState } from '../calendar/usePlannerState'
import '../calendar/calendar.css'

const DRAG = 'application/x-smo-card'

/**
 * Content by status. Drag a card to another column to move it along; the backend's approval gate
 * decides, and a refusal leaves the card where it was with the reason. Filters are the calendar's.
 */
export function BoardScreen() {
  const [state, update] = usePlannerState()
  const board = useQuery('calendar-board', { filter: state.filter, perColumn: 100 })
  const channels = useNames('channel')
  const members = useNames('member')
  const campaigns = useNames('campaign')
  const goals = useNames('goal')
  const [openId, setOpenId] = useState<string | null>(null)
  const [toast, setToast] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const search = useRef<HTMLInputElement>(null)
  const say = (text: string, tone: 'ok' | 'error' = 'ok') => setToast({ text, tone })
  const history = useHistory(say)
  const pillars = useMemo(() => [...new Set((board.data?.columns ?? []).flatMap((c) => c.items.map((i) => i.pillar)).filter(Boolean))].sort(), [board.data])

  const move = async (item: CalendarItem, status: string) => {
    if (item.status === status) return
    try {
      await api.call('calendar-update', { ids: [item.id], set: { status: status as CalendarItem['status'] }, label: `move "${item.title}" to ${labelOf(status)}` })
      say(`"${item.title}" is now ${labelOf(status)}`)
    } catch (e) {
      say(e instanceof ApiError ? e.message : String(e), 'error')
    }
  }
  const quick = async (item: CalendarItem, set: Record<string, string>, label: string) => {
    try {
      await api.call('calendar-update', { ids: [item.id], set, label })
    } catch (e) {
      say(e instanceof ApiError ? e.message : String(e), 'error')
    }
  }
  const all = (board.data?.columns ?? []).flatMap((c) => c.items)

  return (
    <div
      className="planner"
      data-testid="board-screen"
      onKeyDown={(e) => {
        if ((e.target as HTMLElement).closest('input, textarea, select')) return
        if (e.key === '/') {
          e.preventDefault()
          search.current?.focus()
        }
        if (e.key === 'Escape') setOpenId(null)
      }}
    >
      <header className="planner-head">
        <h1>Board</h1>
        <span className="filter-gap" />
        <button type="button" className="btn btn-sm" onClick={history.undo} disabled={!history.canUndo} data-testid="undo" title={history.next ? `Undo ${history.next}` : 'Nothing to undo'}>Undo</button>
        <button type="button" className="btn btn-sm" onClick={history.redo} disabled={!history.canRedo} data-testid="redo">Redo</button>
      </header>
      <FilterBar ref={search} filter={state.filter} onChange={(filter) => update({ filter })} screen="board" channels={channels.options} campaigns={campaigns.options} members={members.options} pillars={pillars} />
      <div className="planner-body">
        <div className="board planner-main">
          {(board.data?.columns ?? []).map((col) => (
            <section
              key={col.status}
              className={`board-col${over === col.status ? ' day-over' : ''}`}
              style={{ ['--chip' as string]: statusColors[col.status] }}
              data-testid="board-col"
              data-status={col.status}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG)) return
                e.preventDefault()
                setOver(col.status)
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                setOver(null)
                const id = e.dataTransfer.getData(DRAG)
                const item = all.find((i) => i.id === id)
                if (!item) return
                e.preventDefault()
                void move(item, col.status)
              }}
            >
              <h2>
                {labelOf(col.status)} <span className="subtle" data-testid="col-count">{col.count.toLocaleString()}</span>
              </h2>
              <div className="board-cards">
                {col.items.map((it) => (
                  <div
                    key={it.id}
                    className="card"
                    role="button"
                    tabIndex={0}
                    draggable
                    data-testid="board-card"
                    data-id={it.id}
                    style={{ ['--chip' as string]: statusColors[it.status] }}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG, it.id)
                      e.dataTransfer.effectAllowed = 'move'
                    }}
                    onClick={(e) => !(e.target as HTMLElement).closest('select') && setOpenId(it.id)}
                    onKeyDown={(e) => e.key === 'Enter' && setOpenId(it.id)}
                  >
                    <span className="card-title">{it.title}</span>
                    <span className="card-meta">
                      <span>{channels.map.get(it.channelId ?? '') ?? 'No channel'}</span>
                      <span>{it.plannedDate ?? 'unplanned'}</span>
                    </span>
                    <span className="card-quick">
                      <select aria-label="Owner" value={it.ownerId ?? ''} onChange={(e) => void quick(it, { ownerId: e.target.value }, `reassign "${it.title}"`)}>
                        <option value="">No owner</option>
                        {members.options.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                      </select>
                      <select aria-label="Channel" value={it.channelId ?? ''} onChange={(e) => void quick(it, { channelId: e.target.value }, `change channel of "${it.title}"`)}>
                        <option value="">No channel</option>
                        {channels.options.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                      </select>
                    </span>
                  </div>
                ))}
                {col.count > col.items.length && <p className="subtle small">Showing {col.items.length} of {col.count.toLocaleString()}; filter to narrow.</p>}
              </div>
            </section>
          ))}
        </div>
        {openId !== null && <ItemPanel key={openId} id={openId} refOptions={{ member: members.options, channel: channels.options, campaign: campaigns.options, goal: goals.options }} names={members.map} onClose={() => setOpenId(null)} onMessage={say} />}
      </div>
      {toast && (
        <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast" onAnimationEnd={() => setToast(null)}>
          {toast.text}
        </div>
      )}
    </div>
  )
}
