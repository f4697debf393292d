import { useCallback, useMemo, useRef, useState } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import { enums, labelOf } from '../../../../core/domain/enums'
import { ApiError } from '../../api/ApiError'
import { voidedBy } from '../../../../core/calendar/approvalVoidingFields'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useNames } from '../records/useNames'
import { FilterBar } from '../calendar/FilterBar'
import { ItemPanel } from '../calendar/ItemPanel'
import { colorKeyOf, statusColors } from '../calendar/plannerColors'
import { useHistory } from '../calendar/useHistory'
import { usePlannerState } from '../calendar/usePlannerState'
import { BoardCard, CARD_DRAG } from './BoardCard'
import '../calendar/calendar.css'
import './board.css'

const noCampaigns = new Map<string, { name: string; color: string }>()
const STATUSES = enums.contentStatus.options

/**
 * Content by status. Drag a card to another column (or Shift+←/→ on a focused card) to move it
 * along; the backend's approval gate decides, and a refusal leaves the card where it was with the
 * reason. Columns fill the screen's height and scroll on their own. Filters are the calendar's.
 */
export function BoardScreen() {
  const [state, update] = usePlannerState()
  const board = useQuery('calendar-board', { filter: state.filter, perColumn: 100 })
  const cardIds = useMemo(() => board.data?.columns.flatMap((c) => c.items.map((i) => i.id)) ?? [], [board.data])
  const taskCounts = useQuery('task-summary', { contentIds: cardIds }, { enabled: cardIds.length > 0 })
  const channels = useNames('channel')
  const members = useNames('member')
  const campaigns = useNames('campaign')
  const goals = useNames('goal')
  const [openId, setOpenId] = useState<string | null>(null)
  const [toast, setToast] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const search = useRef<HTMLInputElement>(null)
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setToast({ text, tone }), [])
  const history = useHistory(say)
  const columns = useMemo(() => board.data?.columns ?? [], [board.data])
  const pillars = useMemo(() => [...new Set(columns.flatMap((c) => c.items.map((i) => i.pillar)).filter(Boolean))].sort(), [columns])
  const channelOrder = useMemo(() => channels.options.map((o) => o.id), [channels.options])

  const set = useCallback(
    async (item: CalendarItem, values: Partial<Pick<CalendarItem, 'status' | 'ownerId' | 'channelId'>>, label: string) => {
      if (values.status === item.status) return
      try {
        await api.call('calendar-update', { ids: [item.id], set: values, label })
        // A new channel changes approved content, which the backend sends back to review: say so.
        const voided = voidedBy(item, { ...item, ...values }).length > 0
        say(values.status ? `"${item.title}" is now ${labelOf(values.status)}` : `${label[0]?.toUpperCase()}${label.slice(1)}${voided ? `; "${item.title}" is back in review` : ''}`)
      } catch (e) {
        say(e instanceof ApiError ? e.message : String(e), 'error')
      }
    },
    [say]
  )
  const move = useCallback((item: CalendarItem, status: CalendarItem['status']) => void set(item, { status }, `move "${item.title}" to ${labelOf(status)}`), [set])
  const step = useCallback(
    (item: CalendarItem, by: number) => {
      const next = STATUSES[STATUSES.indexOf(item.status) + by]
      if (next) move(item, next)
    },
    [move]
  )
  const onSet = useCallback((item: CalendarItem, values: Partial<Pick<CalendarItem, 'status' | 'ownerId' | 'channelId'>>, label: string) => void set(item, values, label), [set])

  return (
    <div
      className="planner board-screen"
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
        <span className="subtle small">Drag a card, or focus it and press Shift+← / Shift+→; ⋯ edits status, owner and channel</span>
        <span className="filter-gap" />
        <button type="button" className="btn btn-sm" onClick={history.undo} disabled={!history.canUndo} data-testid="undo" title={history.next ? `Undo ${history.next}` : 'Nothing to undo'}>Undo</button>
        <button type="button" className="btn btn-sm" onClick={history.redo} disabled={!history.canRedo} data-testid="redo">Redo</button>
      </header>
      <FilterBar ref={search} filter={state.filter} onChange={(filter) => update({ filter })} screen="board" channels={channels.options} campaigns={campaigns.options} members={members.options} pillars={pillars} />
      <div className="planner-body board-body">
        <div className="board planner-main" style={{ ['--cols' as string]: Math.max(1, columns.length) }} role="region" aria-label="Board columns" tabIndex={-1}>
          {columns.map((col) => (
            <section
              key={col.status}
              className={`board-col${over === col.status ? ' day-over' : ''}`}
              style={{ ['--chip' as string]: statusColors[col.status] }}
              aria-label={`${labelOf(col.status)}: ${col.count} items`}
              data-testid="board-col"
              data-status={col.status}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(CARD_DRAG)) return
                e.preventDefault()
                setOver(col.status)
              }}
              onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOver(null)}
              onDrop={(e) => {
                setOver(null)
                const id = e.dataTransfer.getData(CARD_DRAG)
                const item = columns.flatMap((c) => c.items).find((i) => i.id === id)
                if (!item) return
                e.preventDefault()
                move(item, col.status)
              }}
            >
              <h2>
                <span className="board-col-name">{labelOf(col.status)}</span>
                <span className="board-count" data-testid="col-count">{col.count.toLocaleString()}</span>
                <span className="board-col-effort subtle" title="Planned effort of every item in this column" data-testid="col-effort">
                  {Math.round(col.effortHours).toLocaleString()} h effort
                </span>
              </h2>
              <div className="board-cards">
                {col.items.map((it) => (
                  <BoardCard
                    key={it.id}
                    item={it}
                    channelName={channels.map.get(it.channelId ?? '')}
                    channelColor={colorKeyOf(it, 'channel', { channel: channels.map, campaign: noCampaigns }, channelOrder).color}
                    ownerName={members.map.get(it.ownerId ?? '')}
                    members={members.options}
                    channels={channels.options}
                    onOpen={setOpenId}
                    onSet={onSet}
                    onStep={step}
                    tasks={taskCounts.data?.counts[it.id]}
                  />
                ))}
                {col.count === 0 && <p className="board-empty subtle">Nothing here</p>}
                {col.count > col.items.length && <p className="subtle small board-more">Showing {col.items.length} of {col.count.toLocaleString()}; filter to narrow.</p>}
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
