import { businessCalendar } from '../../../core/listening/businessCalendar'
import { deskClocks } from '../../../core/listening/deskClocks'
import type { WaitSpan } from '../../../core/listening/waitPause'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { deskPolicyOf } from './deskPolicyOf'

type StaleRow = { id: string; occurred_at: string; type: string; priority: string; state: string; first_response_at: string | null; deleted_at: string | null; waiting_since: string | null; waits: string }

/**
 * Brings this computer's derived due times up to date. Triggers (m015) mark a conversation stale when
 * a field its clocks read changes, whichever path wrote it, and mark every one stale when the desk
 * settings change; this recomputes just the stale ones in one transaction. Called before every read
 * of the clocks, so they are never older than the data. Returns how many were recomputed.
 */
export function refreshClocks(b: Pick<Backend, 'db'>): number {
  const db = b.db
  if (db.raw.readonly) shadowForReading(b)
  return db.tx(() => {
    const rows = db.all<StaleRow>(
      sql`SELECT c.id, c.occurred_at, c.type, c.priority, c.state, c.first_response_at, c.deleted_at, c.waiting_since, c.waits FROM conversation_clock k JOIN conversation c ON c.id = k.id WHERE k.stale = 1`
    )
    if (rows.length === 0) return 0
    const { policy } = deskPolicyOf(b)
    let min = Infinity
    let max = -Infinity
    const waits = new Map<string, WaitSpan[]>()
    const reach = (t: number) => {
      if (Number.isFinite(t) && t > max) max = t
    }
    for (const r of rows) {
      const t = Date.parse(r.occurred_at)
      if (Number.isFinite(t)) {
        if (t < min) min = t
        reach(t)
      }
      // Time spent waiting moves due times out: the calendar must reach past the newest wait as well.
      if (r.waits !== '[]') {
        const spans = JSON.parse(r.waits) as WaitSpan[]
        waits.set(r.id, spans)
        for (const w of spans) reach(Date.parse(w.to))
      }
      if (r.waiting_since !== null) reach(Date.parse(r.waiting_since))
    }
    // The largest target bounds how far past the newest conversation the calendar must reach.
    const longest = Math.max(1, ...policy.targets.map((t) => t.resolutionHours))
    const horizonDays = Math.ceil(longest / 2) + 30
    const cal = businessCalendar(policy, Number.isFinite(min) ? min : 0, Number.isFinite(max) ? max : 0, horizonDays)
    // One prepared statement for the whole pass: at 100k rows the per-row statement lookup is what costs.
    const update = db.raw.prepare('UPDATE conversation_clock SET first_response_due_at = ?, resolution_due_at = ?, next_due_at = ?, warn_at = ?, stale = 0 WHERE id = ?')
    for (const r of rows) {
      const k = deskClocks(
        {
          occurredAt: r.occurred_at, type: r.type, priority: r.priority, state: r.state, firstResponseAt: r.first_response_at, deletedAt: r.deleted_at,
          waitingSince: r.waiting_since, waits: waits.get(r.id) ?? []
        },
        policy,
        cal
      )
      update.run(k.firstResponseDueAt, k.resolutionDueAt, k.nextDueAt, k.warnAt, r.id)
    }
    return rows.length
  })
}

/**
 * A workspace opened read-only (`smo mine`, `smo inbox` on a copy) cannot store clocks: a TEMP copy of
 * the clock table shadows it for this connection (temp tables come first in name lookup), so the same
 * queries run and nothing is written to the file.
 */
function shadowForReading(b: Pick<Backend, 'db'>): void {
  const stale = b.db.get(sql`SELECT 1 AS x FROM main.conversation_clock WHERE stale = 1 LIMIT 1`)
  if (stale === undefined) return
  b.db.run(sql`CREATE TEMP TABLE IF NOT EXISTS conversation_clock AS SELECT * FROM main.conversation_clock`)
}

/** Mark every clock stale and recompute them all now (after the desk settings changed). */
export function recomputeAllClocks(b: Pick<Backend, 'db'>): number {
  return b.db.tx(() => {
    // Rows already stale (a change of desk settings marks every one by trigger) are not written twice.
    b.db.run(sql`UPDATE conversation_clock SET stale = 1 WHERE stale = 0`)
    return refreshClocks(b)
  })
}
