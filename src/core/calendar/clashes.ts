import { calendarDates, type IsoDate } from './calendarDates'

export type ClashItem = {
  id: string
  title: string
  channelId: string | null
  plannedDate: IsoDate | null
  publishAt: string | null
  trackingUrl: string
  status: string
}
export type ClashKind = 'channel_window' | 'same_title' | 'same_link'
export type Clash = { kind: ClashKind; ids: [string, string]; message: string }

const HOUR_MS = 3_600_000

function normTitle(t: string): string {
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function normLink(u: string): string {
  return u.trim().toLowerCase().replace(/\/+$/, '')
}

/**
 * Clashes a planner wants to see before anything is scheduled:
 * - two items on one channel whose publish times are closer than `windowHours` (items without a
 *   publish time clash by planned day when the window is a day or more);
 * - the same title, or the same tracking link, twice within seven days (any channel).
 * Cancelled and published items are history, not plans, so they never raise a warning.
 * Sorted sweeps keep this O(n log n) for a quarter of a busy team's plan.
 */
export function detectClashes(items: readonly ClashItem[], windowHours: number): Clash[] {
  const live = items.filter((i) => i.status !== 'cancelled' && i.status !== 'published')
  const out: Clash[] = []
  const windowMs = windowHours * HOUR_MS
  const byChannel = new Map<string, { it: ClashItem; t: number }[]>()
  for (const it of live) {
    if (it.channelId === null) continue
    let t: number | null = null
    if (it.publishAt !== null) t = Date.parse(it.publishAt)
    else if (it.plannedDate !== null && windowHours >= 24) t = Date.parse(`${it.plannedDate}T12:00:00Z`)
    if (t === null || Number.isNaN(t)) continue
    const list = byChannel.get(it.channelId) ?? []
    list.push({ it, t })
    byChannel.set(it.channelId, list)
  }
  if (windowMs > 0) {
    for (const list of byChannel.values()) {
      list.sort((a, b) => a.t - b.t)
      for (let i = 0; i < list.length; i++) {
        const a = list[i]
        if (a === undefined) continue
        for (let j = i + 1; j < list.length; j++) {
          const b = list[j]
          if (b === undefined || b.t - a.t >= windowMs) break
          const mins = Math.round((b.t - a.t) / 60_000)
          out.push({ kind: 'channel_window', ids: [a.it.id, b.it.id], message: `Same channel ${mins < 60 ? `${mins} min` : `${Math.round(mins / 6) / 10} h`} apart: "${a.it.title}" and "${b.it.title}"` })
        }
      }
    }
  }
  const sweep = (kind: ClashKind, keyOf: (i: ClashItem) => string, what: string) => {
    const groups = new Map<string, ClashItem[]>()
    for (const it of live) {
      const k = keyOf(it)
      if (k === '' || it.plannedDate === null) continue
      const g = groups.get(k) ?? []
      g.push(it)
      groups.set(k, g)
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue
      g.sort((a, b) => (a.plannedDate ?? '').localeCompare(b.plannedDate ?? ''))
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) {
          const a = g[i]
          const b = g[j]
          if (a === undefined || b === undefined || a.plannedDate === null || b.plannedDate === null) continue
          if (calendarDates.daysBetween(a.plannedDate, b.plannedDate) >= 7) break
          out.push({ kind, ids: [a.id, b.id], message: `${what} twice within a week: "${a.title}" (${a.plannedDate}) and ${b.plannedDate}` })
        }
      }
    }
  }
  sweep('same_title', (i) => normTitle(i.title), 'Same title')
  sweep('same_link', (i) => normLink(i.trackingUrl), 'Same link')
  return out
}
