import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
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
import { UndoRedo } from '../calendar/UndoRedo'
import { useHistory } from '../calendar/useHistory'
import { usePlannerState } from '../calendar/usePlannerState'
import { announce } from '../../shell/announce'
import { BoardCard, CARD_DRAG } from './BoardCard'
import { boardKeys } from './boardKeys'
import '../calendar/calendar.css'
import './board.css'

const noCampaigns = new Map<string, { name: string; color: string }>()
const STATUSES = enums.contentStatus.options

/**
 * Content by status. Drag a card to another column (or Alt/Shift+←/→ on a focused card, or its menu's
 * Move to column) to move it along; the backend's approval gate decides, and a refusal leaves the card
 * where it was with the reason. Columns fill the screen's height and scroll on their own. Filters are
 * the calendar's. The board is one keyboard grid (boardKeys.ts): one Tab stop, arrows between cards.
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
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => {
    setToast({ text, tone })
    // Spoken through the shell's live region; errors interrupt.
    announce(text, tone === 'error' ? 'assertive' : 'polite')
  }, [])
  // The card holding the board's one Tab stop, and a card moved from the keyboard that focus follows.
  const [activeId, setActiveId] = useState<string | null>(null)
  const follow = useRef<{ id: string; status: string; from: string; index: number } | null>(null)
  const grid = useRef<HTMLDivElement>(null)
  const helpId = useId()
  const history = useHistory(say)
  const columns = useMemo(() => board.data?.columns ?? [], [board.data])
  const current = useMemo(() => {
    const ids = columns.flatMap((c) => c.items.map((i) => i.id))
    return activeId !== null && ids.includes(activeId) ? activeId : (ids[0] ?? null)
  }, [columns, activeId])
  useEffect(() => {
    const f = follow.current
    if (f === null) return
    const card = grid.current?.querySelector<HTMLElement>(`[data-status="${f.status}"] [data-testid="board-card"][data-id="${f.id}"]`)
    if (card) {
      follow.current = null
      return card.focus()
    }
    // Moved, but past the cards its new column shows: focus stays in the old column, not lost.
    const from = columns.find((c) => c.status === f.from)
    if (from === undefined || from.items.some((i) => i.id === f.id)) return
    follow.current = null
    const left = grid.current?.querySelectorAll<HTMLElement>(`[data-status="${f.from}"] [data-testid="board-card"]`)
    left?.[Math.min(f.index, left.length - 1)]?.focus()
    announce(`It is in ${labelOf(f.status)} now, beyond the cards shown there; filter to find it`)
  }, [columns])
  const pillars = useMemo(() => [...new Set(columns.flatMap((c) => c.items.map((i) => i.pillar)).filter(Boolean))].sort(), [columns])
  const channelOrder = useMemo(() => channels.options.map((o) => o.id), [channels.options])

  const set = useCallback(
    async (item: CalendarItem, values: Partial<Pick<CalendarItem, 'status' | 'ownerId' | 'channelId'>>, label: string) => {
      if (values.status === item.status) return
      try {
        await api.call('calendar-update', { ids: [item.id], set: values, label })
        // A new channel changes approved content, which the backend sends back to review: say so.
        const voided = voidedBy(item, { ...item, ...values }).length > 0
        say(values.status ? `Moved "${item.title}" to ${labelOf(values.status)}` : `${label[0]?.toUpperCase()}${label.slice(1)}${voided ? `; "${item.title}" is back in review` : ''}`)
      } catch (e) {
        say(e instanceof ApiError ? e.message : String(e), 'error')
      }
    },
    [say]
  )
  const move = useCallback((item: CalendarItem, status: CalendarItem['status']) => void set(item, { status }, `move "${item.title}" to ${labelOf(status)}`), [set])
  const step = useCallback(
    (id: string, by: number) => {
      const item = columns.flatMap((c) => c.items).find((i) => i.id === id)
      const next = item ? STATUSES[STATUSES.indexOf(item.status) + by] : undefined
      if (!item || !next) return announce(item ? `"${item.title}" is already in the ${by < 0 ? 'first' : 'last'} column` : 'No card to move', 'assertive')
      const from = columns.find((c) => c.status === item.status)
      follow.current = { id, status: next, from: item.status, index: from?.items.findIndex((i) => i.id === id) ?? 0 }
      move(item, next)
    },
    [move, columns]
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
        <span className="subtle small" id={helpId}>Drag a card, or from the keyboard: arrows move between cards, Alt+← / Alt+→ moves the card a column, M opens Move to column…, Enter opens it</span>
        <span className="filter-gap" />
        <UndoRedo history={history} />
      </header>
      <FilterBar ref={search} filter={state.filter} onChange={(filter) => update({ filter })} screen="board" channels={channels.options} campaigns={campaigns.options} members={members.options} pillars={pillars} />
      <div className="planner-body board-body">
        <div
          ref={grid}
          className="board planner-main"
          style={{ ['--cols' as string]: Math.max(1, columns.length) }}
          role="grid"
          aria-label="Board"
          aria-describedby={helpId}
          onKeyDown={(e) => boardKeys(e, { focusCard: (c) => (setActiveId(c.dataset.id ?? null), c.focus()), open: setOpenId, step })}
          onFocus={(e) => { const id = (e.target as HTMLElement).dataset.id; if (id !== undefined) setActiveId(id) }}
        >
          {columns.map((col) => (
            // A status column is a row of the grid: its header names it, its cards are the cells.
            // The column scrolls (its header sticks); tabIndex -1 keeps that scroller out of the Tab order,
            // where Chromium would put it since the cards inside are not tabbable: the arrows reach them.
            <section
              role="row"
              tabIndex={-1}
              key={col.status}
              className={`board-col${over === col.status ? ' day-over' : ''}`}
              style={{ ['--chip' as string]: statusColors[col.status] }}
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
              <div role="rowheader">
                <h2>
                  <span className="board-col-name">{labelOf(col.status)}</span>
                  <span className="board-count" data-testid="col-count">{col.count.toLocaleString()}</span>
                  <span className="board-col-effort subtle" title="Planned effort of every item in this column" data-testid="col-effort">
                    {Math.round(col.effortHours).toLocaleString()} h effort
                  </span>
                </h2>
              </div>
              <div className="board-cards">
                {col.items.map((it) => (
                  <BoardCard
                    key={it.id}
                    item={it}
                    channelName={channels.map.get(it.channelId ?? '')}
                    channelColor={colorKeyOf(it, 'channel', { channel: channels.map, campaign: noCampaigns }, channelOrder).color}
                    active={it.id === current}
                    ownerName={members.map.get(it.ownerId ?? '')}
                    members={members.options}
                    channels={channels.options}
                    onOpen={setOpenId}
                    onSet={onSet}
                    tasks={taskCounts.data?.counts[it.id]}
                  />
                ))}
                {col.count === 0 && <p role="gridcell" className="board-empty subtle">Nothing here</p>}
                {col.count > col.items.length && <p role="gridcell" className="subtle small board-more">Showing {col.items.length} of {col.count.toLocaleString()}; filter to narrow.</p>}
              </div>
            </section>
          ))}
        </div>
        {openId !== null && <ItemPanel key={openId} id={openId} refOptions={{ member: members.options, channel: channels.options, campaign: campaigns.options, goal: goals.options }} names={members.map} onClose={() => setOpenId(null)} onMessage={say} />}
      </div>
      {toast && (
        <div className={`toast toast-${toast.tone}`} data-testid="toast" onAnimationEnd={() => setToast(null)}>
          {toast.text}
        </div>
      )}
    </div>
  )
}
