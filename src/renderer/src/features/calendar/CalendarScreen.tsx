import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { weekStart as weekStartOf } from '../../../../core/calendar/weekStart'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useRecords } from '../../api/useRecords'
import { localZone } from '../../components/formValues'
import { useNames } from '../../features/records/useNames'
import { AgendaView } from './AgendaView'
import { BacklogTray } from './BacklogTray'
import { BulkBar } from './BulkBar'
import { CalendarToolbar } from './CalendarToolbar'
import { dateOf } from './ItemChip'
import { Insights, quarterStart } from './Insights'
import { useOpenRequest } from '../../drafts/useOpenRequest'
import { ItemPanel, type NewItem } from './ItemPanel'
import { Legend } from './Legend'
import { MonthView } from './MonthView'
import { colorKeyOf } from './plannerColors'
import { PlannerContext, type Planner } from './plannerContext'
import { FilterBar } from './FilterBar'
import { useHistory } from './useHistory'
import { usePlannerActions } from './usePlannerActions'
import { usePlannerState } from './usePlannerState'
import { useMonthData } from './useMonthData'
import { stepCursor, viewDays } from './viewDays'
import { ViewOptions } from './ViewOptions'
import { WeekView } from './WeekView'
import { TaskMarksProvider } from '../sharing/TaskMarks'
import './calendar.css'

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
  const [openId, setOpenId] = useState<string | null>(null)
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
  const campaignNames = useNames('campaign')
  const goals = useNames('goal')
  const campaignRecs = useRecords('campaign')

  const days = useMemo(() => viewDays(state.mode, cursor, ws), [state.mode, cursor, ws])
  const from = days[0] ?? cursor
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

  const byDay = useMemo(() => {
    const m = new Map<string, CalendarCell[]>()
    for (const it of items) {
      const d = dateOf(it, state.dateField, zone)
      if (d === null) continue
      const list = m.get(d) ?? []
      list.push(it)
      m.set(d, list)
    }
    for (const list of m.values()) list.sort((a, b) => (a.publishAt ?? '~').localeCompare(b.publishAt ?? '~') || a.title.localeCompare(b.title))
    return m
  }, [items, state.dateField, zone])

  const clashMap = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const c of range.data?.clashes ?? []) for (const id of c.ids) m.set(id, [...(m.get(id) ?? []), c.message])
    return m
  }, [range.data])

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
      create
    }),
    [colorOf, selected, clashMap, state.dateField, zone, members.map, channels.map, actions, create, openItem]
  )

  const go = (n: number) => {
    const next = stepCursor(state.mode, cursor, n)
    update({ cursor: next })
    setFocus(next)
  }
  // Set by the arrow keys: only then does the day cell take DOM focus (a toolbar click keeps it).
  const keyNav = useRef(false)
  const moveFocus = (n: number) => {
    const next = calendarDates.addDays(focus, n)
    keyNav.current = true
    setFocus(next)
    if (next < from || next > to || (state.mode === 'month' && next.slice(0, 7) !== cursor.slice(0, 7))) update({ cursor: next })
  }
  useEffect(() => {
    // Focusing forces a synchronous layout of the new grid; after a ‹/› click that doubled the cost
    // of a month switch for nothing, so the cell takes focus only when the keyboard is in the grid.
    const inGrid = grid.current?.contains(document.activeElement) ?? false
    if (!keyNav.current && !inGrid) return
    keyNav.current = false
    grid.current?.querySelector<HTMLElement>(`[data-date="${focus}"][tabindex="0"]`)?.focus({ preventScroll: true })
  }, [focus, days])

  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement
    if (t.closest('input, textarea, select, .item-panel')) return
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: state.mode === 'agenda' ? -1 : -7, ArrowDown: state.mode === 'agenda' ? 1 : 7 }
    if (e.key in step) {
      e.preventDefault()
      if (e.altKey && selected.size > 0) {
        void api.call('calendar-update', { ids: [...selected], shiftDays: step[e.key] ?? 0, label: `move ${selected.size} items` }).catch(actions.fail)
        return
      }
      moveFocus(step[e.key] ?? 0)
    } else if (e.key === 'Enter') {
      const first = byDay.get(focus)?.[0]
      if (first && t.dataset.testid !== 'cal-item') {
        e.preventDefault()
        openItem(first.id)
      }
    } else if (e.key === 'n' || e.key === 'N') {
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
    const m = new Map<string, { label: string; color: string; n: number }>()
    for (const it of items) {
      const k = colorOf(it)
      const e = m.get(k.key) ?? { label: k.label, color: k.color, n: 0 }
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
          <div className="planner-main" ref={grid} data-testid="calendar-grid" data-range={`${from}..${to}`} data-ready={range.loading ? 'false' : 'true'}>
            {state.mode === 'month' && <MonthView days={days} month={cursor} byDay={byDay} campaigns={range.data?.campaigns ?? []} showCampaigns today={today} focus={focus} onFocus={setFocus} weekdayNames={weekdayNames} cadence={range.data?.cadence} capacity={range.data?.capacity} />}
            {state.mode === 'week' && <WeekView days={days} byDay={byDay} today={today} focus={focus} onFocus={setFocus} weekdayNames={weekdayNames} />}
            {state.mode === 'agenda' && <AgendaView days={days} byDay={byDay} today={today} />}
          </div>
          <BacklogTray filter={state.filter} />
          {newOn !== null && <ItemPanel key={`new:${newOn.date}`} id={null} newItem={newOn} refOptions={{ member: members.options, channel: channels.options, campaign: campaignNames.options, goal: goals.options }} names={members.map} onClose={() => setNewOn(null)} onMessage={actions.say} />}
          {openId !== null && <ItemPanel key={openId} id={openId} refOptions={{ member: members.options, channel: channels.options, campaign: campaignNames.options, goal: goals.options }} names={members.map} onClose={() => setOpenId(null)} onMessage={actions.say} />}
        </div>
        {state.showInsights && <Insights quarter={quarterStart(cursor)} weekStart={ws} filter={state.filter} />}
        {actions.toast && (
          <div className={`toast toast-${actions.toast.tone}`} role={actions.toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast" onAnimationEnd={() => actions.setToast(null)}>
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
