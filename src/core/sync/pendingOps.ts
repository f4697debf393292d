/**
 * Replay of parked writes after an upgrade (SYNC.md §2.10, after Actual's replayPendingMessages).
 * Writes whose table and column are now known are applied field by field, each field's parked
 * writes as one batch so that the order they were parked in cannot matter.
 */
import { applyFieldWrite } from './fieldRegister'
import type { ParkedWrite, SyncStore } from './syncStore'

export function replayPending(store: SyncStore): number {
  return store.transaction(() => {
    const ready = store.parked().filter((w) => store.knowsColumn(w.tbl, w.col))
    const byField = new Map<string, ParkedWrite[]>()
    for (const w of ready) {
      const key = `${w.tbl}\u0000${w.row}\u0000${w.col}`
      const list = byField.get(key) ?? []
      list.push(w)
      byField.set(key, list)
    }
    for (const writes of byField.values()) {
      const superseded = new Set<string>()
      for (const w of writes) for (const id of w.b) superseded.add(id)
      for (const w of writes) applyFieldWrite(store, w, w, superseded)
    }
    store.unpark(ready)
    return ready.length
  })
}
