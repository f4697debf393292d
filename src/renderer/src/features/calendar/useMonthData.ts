import { useEffect, useLayoutEffect, useState } from 'react'
import type { ApiInput, ApiOutput } from '../../../../core/api/contract'
import { calendarCellsCodec, type CalendarCell } from '../../../../core/calendar/calendarCellsCodec'
import { api } from '../../api/client'

export type MonthInput = ApiInput<'calendar-month'>
export type MonthData = Omit<ApiOutput<'calendar-month'>, 'cells'> & { items: CalendarCell[] }

// Decoded answers by input, shared by every mount: the adjacent views are fetched ahead so that
// "next"/"previous" draws from memory. A handful is enough (this view and its two neighbours, and a
// few steps back); any change to the workspace empties it, because a write can touch any of them.
const LIMIT = 6
const cache = new Map<string, Promise<MonthData>>()
const ready = new Map<string, MonthData>()

const keyOf = (i: MonthInput) => JSON.stringify(i)

function load(input: MonthInput): Promise<MonthData> {
  const key = keyOf(input)
  const hit = cache.get(key)
  if (hit) {
    // Most recently used last, so the oldest view is the one evicted.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const p = api.call('calendar-month', input).then((r): MonthData => {
    const { cells, ...rest } = r
    const data = { ...rest, items: calendarCellsCodec.decode(cells) }
    if (cache.get(key) === p) ready.set(key, data)
    return data
  })
  p.catch(() => {
    if (cache.get(key) === p) cache.delete(key)
  })
  cache.set(key, p)
  for (const old of cache.keys()) {
    if (cache.size <= LIMIT) break
    cache.delete(old)
    ready.delete(old)
  }
  return p
}

/**
 * The browser host's boot answer for this view, when it has already come (api.ready): decoded and
 * kept as if fetched, so the first render draws the days with their items (issue #17, cold start).
 */
function fromBoot(key: string): MonthData | undefined {
  const answer = api.ready('calendar-month', JSON.parse(key)) as ApiOutput<'calendar-month'> | undefined
  if (answer === undefined) return undefined
  const { cells, ...rest } = answer
  const data = { ...rest, items: calendarCellsCodec.decode(cells) }
  cache.set(key, Promise.resolve(data))
  ready.set(key, data)
  return data
}

function forget(): void {
  cache.clear()
  ready.clear()
}

/**
 * Run `work` once the browser is idle after painting (at most a second later): what the first screen
 * does not need to show its days — the neighbouring views, the insights' charts — must not hold up
 * their first paint with its parsing and decoding (issue #17, cold start). Returns a cancel function.
 */
export function afterPaint(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, 50)
  return () => clearTimeout(id)
}

type Settled = { key: string; data: MonthData | undefined; error: unknown }

/**
 * The calendar-month answer for the shown range, from memory when it was fetched ahead, then the
 * `neighbours` fetched in the background once it is on screen. A workspace change reloads the shown
 * range (keeping it on screen meanwhile) and drops everything fetched ahead.
 */
export function useMonthData(input: MonthInput, neighbours: readonly MonthInput[]): { data: MonthData | undefined; loading: boolean; error: unknown } {
  const key = keyOf(input)
  const [settled, setSettled] = useState<Settled | undefined>(undefined)
  const [version, setVersion] = useState(0)
  const nextKeys = JSON.stringify(neighbours)

  // Asked for before any other query of the screen: layout effects run ahead of every component's
  // effects, and the browser sends only six requests at a time, so on a cold start the days' answer
  // used to queue behind the names, the backlog and the saved views (issue #17). The effect below
  // then finds it in the cache.
  useLayoutEffect(() => {
    void load(JSON.parse(key) as MonthInput).catch(() => undefined)
  }, [key, version])

  useEffect(() => {
    let live = true
    load(JSON.parse(key) as MonthInput).then(
      (data) => {
        if (!live) return
        setSettled({ key, data, error: undefined })
        // Ahead of the user's next step, once this view has been painted and the page is idle.
        afterPaint(() => {
          if (live) for (const n of JSON.parse(nextKeys) as MonthInput[]) void load(n).catch(() => undefined)
        })
      },
      (error: unknown) => live && setSettled((s) => ({ key, data: s?.key === key ? s.data : undefined, error }))
    )
    return () => {
      live = false
    }
  }, [key, nextKeys, version])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = api.subscribe('data-changed', () => {
      forget()
      // A bulk change sends events in a burst; one reload after it is enough.
      clearTimeout(timer)
      timer = setTimeout(() => setVersion((v) => v + 1), 60)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [])

  // Drawn in the same render as the switch when the view was fetched ahead: no empty frame between.
  const data = settled?.key === key ? settled.data : (ready.get(key) ?? fromBoot(key))
  return { data, loading: data === undefined, error: settled?.key === key ? settled.error : undefined }
}
