import type { Backend } from '../backend'
import { waitingOnMe } from '../../../core/people/waitingOnMe'
import { currentMember } from './currentMember'
import { myWork } from './myWork'

/**
 * Calls `show` with the number of things waiting on *me* now and after every change (data-changed,
 * or "me" switched), only when it differs: the desktop host puts it on the dock or taskbar badge.
 * Nobody chosen as me yet: 0. Changes come in bursts (an import), so the count is read once per tick.
 */
export function watchWaitingCount(b: Backend, show: (n: number) => void): () => void {
  let last = -1
  let pending = false
  const update = () => {
    pending = false
    let n = 0
    try {
      n = currentMember(b) === null ? 0 : waitingOnMe(myWork(b, {}))
    } catch (e) {
      console.warn(`badge: could not count My work (${e instanceof Error ? e.message : String(e)})`)
      return
    }
    if (n !== last) {
      last = n
      show(n)
    }
  }
  update()
  const off = b.events.on(() => {
    if (pending) return
    pending = true
    setTimeout(update, 0)
  })
  return off
}
