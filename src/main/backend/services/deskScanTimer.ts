import { BOOT_ANSWER_LIFETIME_MS } from '../../../core/api/bootCalls'
import type { Backend } from '../backend'
import { deskScan } from './deskEscalation'
import { writesHeld } from './importWriteHold'

/**
 * Breaches escalate by themselves while the app is open: a scan some seconds after open, then every few
 * minutes. Not sooner: at 100k conversations it may recompute every due time, and an escalation is a
 * change — in the browser host it would void the first screen's boot answers (kept for
 * BOOT_ANSWER_LIFETIME_MS, renderer/api/bootAnswers.ts) and send every call of the first screen to the server again. A
 * failing scan (the workspace closed under it, a locked file) stops the timer rather than repeating
 * the error; the next open starts it again.
 */
/** After the boot answers' lifetime: see above. */
const FIRST_SCAN_MS = BOOT_ANSWER_LIFETIME_MS + 2_000

export function startDeskScan(b: Backend, opts: { everyMs?: number; firstAfterMs?: number; log?: (m: string) => void } = {}): () => void {
  let timer: ReturnType<typeof setInterval> | undefined
  const run = () => {
    // An import is being written by its own thread: this turn is skipped, the next one scans.
    if (writesHeld(b) !== undefined) return
    try {
      const r = deskScan(b)
      if (r.escalated.length > 0) opts.log?.(`Escalated ${r.escalated.length} conversation${r.escalated.length === 1 ? '' : 's'} past their response targets`)
    } catch (e) {
      if (timer !== undefined) clearInterval(timer)
      opts.log?.(`The response-time scan stopped: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const first = setTimeout(run, opts.firstAfterMs ?? FIRST_SCAN_MS)
  first.unref()
  timer = setInterval(run, opts.everyMs ?? 5 * 60_000)
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
