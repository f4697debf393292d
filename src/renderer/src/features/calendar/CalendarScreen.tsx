import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { weekStart as weekStartOf } from '../../../../core/calendar/weekStart'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { localZone } from '../../components/formValues'
import { announce } from '../../shell/announce'
import { markFirstScreenDrawn } from '../../shell/firstScreen'
import { namesFrom, useNames } from '../../features/records/useNames'
import { AgendaView } from './AgendaView'
import { BacklogTray } from './BacklogTray'
import { BulkBar } from './BulkBar'
import { CalendarToolbar } from './CalendarToolbar'
import { dateOf } from './ItemChip'
import { dayLabel } from './dayLabel'
import { gridKeys } from './gridKeys'
import { MoveToDate } from './MoveToDate'
import { quarterStart } from './quarterStart'

// The insights (a heatmap) pull in the charting library: loaded only when shown, not before the calendar paints.
const Insights = lazy(() => import('./Insights').then((m) => ({ default: m.Insights })))
// The side panel is a form: it brings the record schemas and zod, which the month's first paint does
// not need (issue #17). Fetched once the days are drawn, so opening an item does not wait for it.
const loadItemPanel = () => import('./ItemPanel')
const ItemPanel = lazy(() => loadItemPanel().then((m) => ({ default: m.ItemPanel })))
import { useOpenRequest } from '../../drafts/useOpenRequest'
import type { NewItem } from './ItemPanel'
import { Legend } from './Legend'
import { MonthView } from './MonthView'
import { colorKeyOf } from './plannerColors'
import { PlannerContext, type Planner } from './plannerContext'
import { FilterBar } from './FilterBar'
import { useHistory } from './useHistory'
import { usePlannerActions } from './usePlannerActions'
import { usePlannerState } from './usePlannerState'
import { afterPaint, useMonthData } from './useMonthData'
import { stepCursor, viewDays } from './viewDays'
import { ViewOptions } from './ViewOptions'
import { WEEK_HOURS, WeekView } from './WeekView'
import { TaskMarksProvider } from '../sharing/TaskMarks'
import './calendar.css'

// The same order as `localeCompare` (same locale, same options), without building a collator per
// comparison: sorting a month's items that way took ~45 ms of the first paint (issue #17).
const collate = new Intl.Collator().compare
const emptyItems: CalendarCell[] = []
const emptyBacklog: CalendarItem[] = []

/** The editorial calendar: month, week and agenda views with the backlog, side panel and insights. */
export function CalendarScreen() {
  const [state, update] = usePlannerState()
  const zone = useMemo(() => localZone(), [])
  const ws = useMemo(() => weekStartOf(navigator.language), [])
  const [today] = useState(() => calendarDates.todayIn(Date.now(), zone))
  const cursor = state.cursor ?? today
  const [focus, setFocus] = useState(cursor)
  // The week view's focused row (-1 = all day, else the hour); the month view has only days.
  const [row, setRow] = useState(-1)
  // "Move to date…" open for this item; after a keyboard move, focus follows the item to its new day.
  const [moving, setMoving] = useState<string | null>(null)
  const follow = useRef<{ id: string; date: string } | null>(null)
  const helpId = useId()
  // `#/calendar?item=ID` (from My work or the link registry) opens that item's panel.
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('item'))
  // "Open" on an unsaved draft from the start banner.
  useOpenRequest('content', true, (id) => {
    if (id === null) return false
    setOpenId(id)
    return true
  })
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const search = useRef<HTMLInputElement>(null)
  const grid = useRef<HTMLDivElement>(null)
  const channels = useNames('channel')
  const members = useNames('member')
  const goals = useNames('goal')
  // One campaign list for the bars and the pickers: a second `useNames('campaign')` asked the same list
  // again, after the boot's one answer was used, so a cold start sent it to the server anyway.
  const campaignRecs = useRecords('campaign')
  const campaignNames = useMemo(() => namesFrom('campaign', { data: campaignRecs.data, error: campaignRecs.error }), [campaignRecs.data, campaignRecs.error])

  const days = useMemo(() => viewDays(state.mode, cursor, ws), [state.mode, cursor, ws])
  const from = days[0] ?? cursor
  // The day holding the grid's one Tab stop: the keyboard's day when it is on screen, else the
  // cursor's (a saved view can open on another month than today's), so the grid is never unreachable.
  const tabDay = days.includes(focus) ? focus : days.includes(cursor) ? cursor : from
  const to = days[days.length - 1] ?? cursor
  // One call per view (items, campaigns, clashes, week marks), the neighbours fetched ahead.
  const neighbours = useMemo(
    () => [1, -1].map((n) => {
      const d = viewDays(state.mode, stepCursor(state.mode, cursor, n), ws)
      return { from: d[0] ?? cursor, to: d[d.length - 1] ?? cursor, dateField: state.dateField, filter: state.filter, weekStart: ws }
    }),
    [state.mode, cursor, ws, state.dateField, state.filter]
  )
  const range = useMonthData({ from, to, dateField: state.dateField, filter: state.filter, weekStart: ws }, neighbours)
  const backlog = useQuery('calendar-backlog', { filter: state.filter })
  const items = range.data?.items ?? emptyItems
  // The insights (echarts, ~0.6 MB of script, and two more queries) wait until the days have had
  // their first data: on a cold start they used to be fetched and parsed in the middle of it, ahead
  // of the calendar's own answer (issue #17: cold start to an interactive calendar ≤ 1.5 s).
  const [daysShown, setDaysShown] = useState(false)
  const settledOnce = daysShown || range.data !== undefined || range.error !== undefined
  useEffect(() => (settledOnce && !daysShown ? afterPaint(() => setDaysShown(true)) : undefined), [settledOnce, daysShown])
  useEffect(() => {
    if (!daysShown) return
    markFirstScreenDrawn()
    return afterPaint(() => void loadItemPanel())
  }, [daysShown])

  const byDay = useMemo(() => {
    const m = new Map<string, CalendarCell[]>()
    for (const it of items) {
      const d = dateOf(it, state.dateField, zone)
      if (d === null) continue
      const list = m.get(d) ?? []
      list.push(it)
      m.set(d, list)
    }
    for (const list of m.values()) list.sort((a, b) => collate(a.publishAt ?? '~', b.publishAt ?? '~') || collate(a.title, b.title))
    return m
  }, [items, state.dateField, zone])

  const clashMap = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const c of range.data?.clashes ?? []) for (const id of c.ids) m.set(id, [...(m.get(id) ?? []), c.message])
    return m
  }, [range.data])

  // Ready for a pointer or a test once the month is in *and* the legend above the grid has its
  // names: the legend's labels ("Channel" → "X / @northwinddata") re-wrap when the names arrive and
  // push the grid down, so a drag aimed at a chip before then could land on its neighbour.
  const ready = !range.loading && channels.settled && (campaignRecs.data !== undefined || campaignRecs.error !== undefined)
  const campaignInfo = useMemo(() => new Map((campaignRecs.data?.items ?? []).map((c) => [c.id, { name: c.name, color: c.color }])), [campaignRecs.data])
  const channelOrder = useMemo(() => channels.options.map((o) => o.id), [channels.options])
  const colorOf = useCallback((it: CalendarCell) => colorKeyOf(it, state.colorBy, { channel: channels.map, campaign: campaignInfo }, channelOrder), [state.colorBy, channels.map, campaignInfo, channelOrder])
  const actions = usePlannerActions(items, backlog.data?.items ?? emptyBacklog, state.dateField, zone, selected)
  const history = useHistory(actions.say)

  // A click on a day (or N) opens a *draft* in the panel; nothing is written until Save, so a double
  // click or a stray key press never leaves a "New item" behind.
  const [newOn, setNewOn] = useState<NewItem | null>(null)
  const create = useCallback(
    (date: string) => {
      setOpenId(null)
      setNewOn((cur) => (cur?.date === date ? cur : { date, channelId: state.filter.channelIds?.[0] ?? null }))
    },
    [state.filter.channelIds]
  )
  const openItem = useCallback((id: string) => {
    setNewOn(null)
    setOpenId(id)
  }, [])

  const planner: Planner = useMemo(
    () => ({
      colorOf, selected, clashes: clashMap, dateField: state.dateField, zone, names: { member: members.map, channel: channels.map },
      open: openItem,
      select: (id, additive) => setSelected((s) => { const n = new Set(additive ? s : []); if (n.has(id)) n.delete(id); else n.add(id); return n }),
      selectMany: (ids, additive) => setSelected((s) => new Set([...(additive ? s : []), ...ids])),
      drop: (id, date, time) => void actions.drop(id, date, time),
      create,
      moveBy: (id, n) => {
        const item = items.find((i) => i.id === id)
        const from = item ? dateOf(item, state.dateField, zone) : null
        if (from === null) return announce('This item has no date here; press M to move it to a date', 'assertive')
        moveItemTo(id, calendarDates.addDays(from, n))
      },
      askMove: setMoving
    }),
    // moveItemTo (defined below, recreated per render) reads the view range: from, to, cursor and mode.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [colorOf, selected, clashMap, state.dateField, zone, members.map, channels.map, actions, create, openItem, items, from, to, cursor, state.mode]
  )

  const go = (n: number) => {
    const next = stepCursor(state.mode, cursor, n)
    update({ cursor: next })
    setFocus(next)
  }
  // Set by the grid's keys: only then does the cell take DOM focus. Focusing forces a synchronous
  // layout of the new grid, which after a ‹/› click would double the cost of a month switch for nothing.
  const keyNav = useRef(false)
  /** Put the roving focus on a day (and row), turning the page when the day is outside the view. */
  const showDay = (date: string) => {
    setFocus(date)
    if (date < from || date > to || (state.mode === 'month' && date.slice(0, 7) !== cursor.slice(0, 7))) update({ cursor: date })
  }
  const moveTo = (date: string, r = row) => {
    keyNav.current = true
    setRow(r)
    showDay(date)
  }
  useEffect(() => {
    if (!keyNav.current) return
    keyNav.current = false
    grid.current?.querySelector<HTMLElement>(`[data-date="${focus}"][tabindex="0"]`)?.focus({ preventScroll: true })
  }, [focus, row, days])
  // A keyboard move (Alt+arrows, Move to date…) is the same write as a drop; the roving focus goes
  // to the new day and DOM focus to the item once it is drawn there.
  const moveItemTo = (id: string, date: string) => {
    follow.current = { id, date }
    showDay(date)
    void actions.drop(id, date)
  }
  useEffect(() => {
    const f = follow.current
    if (f === null) return
    const chip = grid.current?.querySelector<HTMLElement>(`[data-date="${f.date}"] [data-testid="cal-item"][data-id="${f.id}"]`)
    if (!chip) return
    follow.current = null
    chip.focus({ preventScroll: false })
  }, [items, days])
  // Every message the toast shows is also spoken (the shell's live region); errors interrupt.
  useEffect(() => {
    if (!actions.toast) return
    announce(actions.toast.text, actions.toast.tone === 'error' ? 'assertive' : 'polite')
    // A refused move leaves the item (and focus) where it was: nothing to follow any more.
    if (actions.toast.tone === 'error') follow.current = null
  }, [actions.toast])

  const onGridKey = (e: KeyboardEvent) =>
    gridKeys(e, {
      mode: state.mode, focus: tabDay, row, hours: WEEK_HOURS, days, cursor, moveTo,
      moveItem: planner.moveBy,
      askMove: setMoving,
      empty: (d) => announce(`Nothing planned on ${dayLabel(d)}; press N to plan an item`),
      panelOpen: openId !== null || newOn !== null
    })

  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement
    if (e.defaultPrevented || t.closest('input, textarea, select, .item-panel, dialog')) return
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }
    if (e.key in step && e.altKey && selected.size > 0) {
      // Alt+arrows with a selection (and focus not on an item) shifts the whole selection: one undo step.
      e.preventDefault()
      void api.call('calendar-update', { ids: [...selected], shiftDays: step[e.key] ?? 0, label: `move ${selected.size} items` }).catch(actions.fail)
    } else if ((e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault()
      create(focus)
    } else if (e.key === '/') {
      e.preventDefault()
      search.current?.focus()
    } else if (e.key === 'Escape') {
      setOpenId(null)
      setNewOn(null)
      setSelected(new Set())
    }
  }

  const weekdayNames = useMemo(() => days.slice(0, 7).map((d) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))), [days])
  const pillars = useMemo(() => [...new Set(items.map((i) => i.pillar).filter(Boolean))].sort(), [items])
  const legend = useMemo(() => {
    const m = new Map<string, { key: string; label: string; color: string; n: number }>()
    for (const it of items) {
      const k = colorOf(it)
      const e = m.get(k.key) ?? { key: k.key, label: k.label, color: k.color, n: 0 }
      e.n++
      m.set(k.key, e)
    }
    return [...m.values()].sort((a, b) => b.n - a.n)
  }, [items, colorOf])

  return (
    <PlannerContext.Provider value={planner}>
      <TaskMarksProvider from={from} to={to}>
      <div className="planner" onKeyDown={onKey} data-testid="calendar-screen">
        <CalendarToolbar state={state} update={update} cursor={cursor} zone={zone} go={go} today={() => (update({ cursor: today }), setFocus(today))} history={history} onMessage={actions.say} filter={state.filter} loading={range.loading} />
        <FilterBar ref={search} filter={state.filter} onChange={(filter) => update({ filter })} screen="calendar" channels={channels.options} campaigns={campaignNames.options} members={members.options} pillars={pillars} />
        <div className="planner-sub">
          <ViewOptions state={state} update={update} />
          <Legend entries={legend} colorBy={state.colorBy} />
        </div>
        {selected.size > 0 && (
          <BulkBar ids={[...selected]} members={members.options} channels={channels.options} onBulk={actions.bulk} onError={actions.fail} onClear={() => setSelected(new Set())}
            onShift={(n) => void api.call('calendar-update', { ids: [...selected], shiftDays: n, label: `move ${selected.size} items` }).catch(actions.fail)} />
        )}
        {range.data?.truncated && <p className="warn-line">Showing the first 20,000 items; narrow the filter to see the rest.</p>}
        <div className="planner-body">
          <div className="planner-main" ref={grid} onKeyDown={onGridKey} data-testid="calendar-grid" data-range={`${from}..${to}`} data-ready={ready ? 'true' : 'false'}>
            <p id={helpId} className="cal-sr">
              {state.mode === 'agenda'
                ? 'Up and down arrows move between items, Page Up and Page Down between days. Enter opens an item, Alt with up or down moves it a day, M moves it to a date.'
                : 'Arrow keys move between days, Page Up and Page Down between months. Enter goes into a day\'s items: arrows move among them, Enter opens one, Alt with an arrow moves it, M moves it to a date, Escape goes back to the day. N plans a new item on the day.'}
            </p>
            {state.mode === 'month' && <MonthView describedBy={helpId} days={days} month={cursor} byDay={byDay} campaigns={range.data?.campaigns ?? []} showCampaigns today={today} focus={tabDay} onFocus={setFocus} weekdayNames={weekdayNames} cadence={range.data?.cadence} capacity={range.data?.capacity} />}
            {state.mode === 'week' && <WeekView describedBy={helpId} days={days} byDay={byDay} today={today} focus={tabDay} row={row} onFocus={(d, r) => (setFocus(d), setRow(r))} weekdayNames={weekdayNames} />}
            {state.mode === 'agenda' && <AgendaView days={days} byDay={byDay} today={today} />}
          </div>
          <BacklogTray filter={state.filter} />
          <Suspense fallback={null}>
            {newOn !== null && <ItemPanel key={`new:${newOn.date}`} id={null} newItem={newOn} refOptions={{ member: members.options, channel: channels.options, campaign: campaignNames.options, goal: goals.options }} names={members.map} onClose={() => setNewOn(null)} onMessage={actions.say} />}
            {openId !== null && <ItemPanel key={openId} id={openId} refOptions={{ member: members.options, channel: channels.options, campaign: campaignNames.options, goal: goals.options }} names={members.map} onClose={() => setOpenId(null)} onMessage={actions.say} />}
          </Suspense>
        </div>
        {moving !== null && (
          <MoveToDate
            title={[...items, ...(backlog.data?.items ?? [])].find((i) => i.id === moving)?.title ?? 'item'}
            date={(() => { const it = items.find((i) => i.id === moving); return (it && dateOf(it, state.dateField, zone)) ?? focus })()}
            onClose={() => setMoving(null)}
            onMove={(d) => (setMoving(null), moveItemTo(moving, d))}
          />
        )}
        {state.showInsights && daysShown && (
          <Suspense fallback={<p role="status">Loading the insights…</p>}>
            <Insights quarter={quarterStart(cursor)} weekStart={ws} filter={state.filter} />
          </Suspense>
        )}
        {/* Spoken through the shell's live region (see the effect above), so not a second live region. */}
        {actions.toast && (
          <div className={`toast toast-${actions.toast.tone}`} data-testid="toast" onAnimationEnd={() => actions.setToast(null)}>
            {actions.toast.text}
            {actions.toast.undo && (
              <button type="button" className="btn btn-sm toast-action" data-testid="toast-undo" onClick={() => (history.undo(), actions.setToast(null))}>
                Undo
              </button>
            )}
          </div>
        )}
      </div>
      </TaskMarksProvider>
    </PlannerContext.Provider>
  )
}
