/**
 * Re-keying a device (SYNC.md §2.5.6): when this database finds the team folder holding ops or a
 * manifest under its own id that it never wrote, it was copied (or restored from a backup) and two
 * machines are writing as one device. It takes a fresh id and moves its not-yet-published ops to it,
 * renumbered from 1, rewriting the op ids that heads and base pointers hold. Published ops keep the
 * old id: teammates already have them, and they now count as another device's history.
 */
import { randomBytes } from 'node:crypto'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { createMutator } from '../mutate'
import { currentMember } from '../people/currentMember'

export function rekeyDevice(b: Backend): string {
  const old = b.ws.deviceId
  const fresh = randomBytes(8).toString('hex')
  const published = Number(b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_published'`)?.value ?? '0')
  const map = (id: string): string => {
    const [dev, seqText] = id.split(':')
    const seq = Number(seqText)
    return dev === old && seq > published ? `${fresh}:${seq - published}` : id
  }
  const mapList = (text: string): string => JSON.stringify((JSON.parse(text) as string[]).map(map))
  b.db.tx(() => {
    const last = b.db.get<{ n: number | null }>(sql`SELECT max(seq) AS n FROM change_tx WHERE dev = ${old}`)?.n ?? 0
    b.db.run(sql`UPDATE change_tx SET dev = ${fresh}, seq = seq - ${published}, hash = NULL WHERE dev = ${old} AND seq > ${published}`)
    b.db.run(sql`UPDATE change_record SET dev = ${fresh}, seq = seq - ${published} WHERE dev = ${old} AND seq > ${published}`)
    const like = `%${old}:%`
    for (const r of b.db.all<{ id: number; base: string }>(sql`SELECT id, base FROM change_record WHERE base LIKE ${like}`)) {
      b.db.run(sql`UPDATE change_record SET base = ${mapList(r.base)} WHERE id = ${r.id}`)
    }
    type Head = { tbl: string; row_id: string; col: string; op: string; base: string }
    for (const h of b.db.all<Head>(sql`SELECT tbl, row_id, col, op, base FROM field_head WHERE op LIKE ${like} OR base LIKE ${like}`)) {
      b.db.run(sql`UPDATE field_head SET op = ${map(h.op)}, base = ${mapList(h.base)} WHERE tbl = ${h.tbl} AND row_id = ${h.row_id} AND col = ${h.col} AND op = ${h.op}`)
    }
    // Our published history is now a teammate's, received up to what we published.
    if (published > 0) b.db.run(sql`INSERT INTO sync_device (dev, hwm) VALUES (${old}, ${published}) ON CONFLICT(dev) DO UPDATE SET hwm = max(hwm, excluded.hwm)`)
    const set = (key: string, value: string) => b.db.run(sql`INSERT INTO local_state (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
    set('device_id', fresh)
    set('seq', String(Math.max(0, last - published)))
    set('sync_published', '0')
    set('sync_rekeyed_from', old)
  })
  b.ws.deviceId = fresh
  // The same mutator as createBackend's but for the id: who acts is still written with every change.
  b.mutate = createMutator(b.db, fresh, b.now, (e) => b.events.emit('data-changed', e), () => currentMember(b)?.id ?? null)
  return fresh
}
