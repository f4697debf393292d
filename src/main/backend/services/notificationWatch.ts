import type { Backend } from '../backend'
import { notificationService } from './notificationService'

export type Alert = { title: string; body: string; id: string }

/**
 * Calls `show` for each notification that appears for *me* after the watch starts (what was there
 * at start is not news), checking shortly after each change and every few minutes (overdue work
 * appears with time alone). Host-neutral: the desktop host passes an OS notification, tests a list.
 */
export function watchNotifications(b: Backend, show: (a: Alert) => void, opts: { debounceMs?: number; pollMs?: number } = {}): { check: () => void; stop: () => void } {
  const seen = new Set(notificationService.list(b).items.map((n) => n.id))
  let timer: ReturnType<typeof setTimeout> | null = null
  const check = (): void => {
    timer = null
    for (const n of notificationService.list(b, true).items) {
      if (seen.has(n.id)) continue
      seen.add(n.id)
      show({ id: n.id, title: n.title, body: n.text })
    }
  }
  const off = b.events.on((event) => {
    if (event !== 'data-changed' || timer !== null) return
    timer = setTimeout(check, opts.debounceMs ?? 1500)
  })
  const poll = setInterval(check, opts.pollMs ?? 5 * 60_000)
  poll.unref()
  return {
    check,
    stop: () => {
      off()
      clearInterval(poll)
      if (timer) clearTimeout(timer)
    }
  }
}
