import type { Backend } from '../backend'
import { deskScan } from './deskEscalation'

/**
 * Breaches escalate by themselves while the app is open: a scan a few seconds after open (not before the
 * first screen paints: at 100k conversations it may recompute every due time), then every few minutes. A
 * failing scan (the workspace closed under it, a locked file) stops the timer rather than repeating
 * the error; the next open starts it again.
 */
export function startDeskScan(b: Backend, opts: { everyMs?: number; firstAfterMs?: number; log?: (m: string) => void } = {}): () => void {
  let timer: ReturnType<typeof setInterval> | undefined
  const run = () => {
    try {
      const r = deskScan(b)
      if (r.escalated.length > 0) opts.log?.(`Escalated ${r.escalated.length} conversation${r.escalated.length === 1 ? '' : 's'} past their response targets`)
    } catch (e) {
      if (timer !== undefined) clearInterval(timer)
      opts.log?.(`The response-time scan stopped: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const first = setTimeout(run, opts.firstAfterMs ?? 3_000)
  first.unref()
  timer = setInterval(run, opts.everyMs ?? 5 * 60_000)
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
