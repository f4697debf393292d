import { hlcSend, type HlcState } from '../../core/sync/hlc'
import type { KindName } from '../../core/domain/recordKinds'
import type { Db, Row } from './db/db'
import { sql, type Sql } from './db/sql'
import { BULK_ROWS, dropIndexes } from './db/dropIndexes'
import { encodeValue, recordCodec, type KindCodec } from './repo/recordCodec'
import { BULK_COL, BULK_MIN, bulkChunk, bulkCreationLookup } from './bulkCreations'

/** A change to one record. Values are already validated by the service that builds the change. */
export type Change =
  | { op: 'create'; kind: KindName; id: string; values: Record<string, unknown> }
  | { op: 'update'; kind: KindName; id: string; set: Record<string, unknown>; force?: boolean }
  | { op: 'delete'; kind: KindName; id: string; force?: boolean }
  | { op: 'restore'; kind: KindName; id: string; force?: boolean }

export type DataChanged = { tx: string; kinds: string[]; ids: string[] }
export type MutationResult = { tx: string | null; hlc: string | null; changedIds: string[] }
export type Mutator = {
  (label: string, changes: Change[]): MutationResult
  deviceId: string
}

/**
 * Marker column for a record's creation (one change record holding the record's fields) and its
 * tombstone. Since schema 17's import work the creation record leaves out fields that are null, so a
 * reader takes an absent field as null (`values[field] ?? null`); records written before hold every
 * field, nulls included, and read the same way.
 */
export const CREATE_COL = '*'
export const DELETED_COL = '_deleted'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** A kind's INSERT, built once: an import writes 100k rows through it. */
const insertTemplates = new Map<KindName, Sql>()
function insertTemplate(codec: KindCodec): Sql {
  let t = insertTemplates.get(codec.kind)
  if (!t) {
    const cols = [sql.id('id'), ...codec.columns.map((c) => sql.id(c.column)), sql.id('created_at'), sql.id('updated_at')]
    t = sql`INSERT INTO ${sql.id(codec.table)} (${sql.join(cols)}) VALUES (${sql.join(cols.map(() => sql`${null}`))})`
    insertTemplates.set(codec.kind, t)
  }
  return t
}

/** One change record; built once, since an import writes one per created row. */
const recordTemplate = sql`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, col, old_value, new_value, base)
  VALUES (${''}, ${0}, ${''}, ${''}, ${''}, ${''}, ${null}, ${null}, ${'[]'})`

/** Kinds this batch creates so many records of that their creations are logged in chunks (bulkCreations.ts). */
function bulkKinds(changes: readonly Change[]): Set<KindName> {
  if (changes.length < BULK_MIN) return new Set()
  const counts = new Map<KindName, number>()
  for (const ch of changes) if (ch.op === 'create') counts.set(ch.kind, (counts.get(ch.kind) ?? 0) + 1)
  return new Set([...counts].filter(([, n]) => n >= BULK_MIN).map(([kind]) => kind))
}

/** Tables this batch creates so many rows of that their indexes are rebuilt rather than updated (an import). */
function bulkTables(changes: readonly Change[]): string[] {
  if (changes.length < BULK_ROWS) return []
  const counts = new Map<KindName, number>()
  for (const ch of changes) if (ch.op === 'create') counts.set(ch.kind, (counts.get(ch.kind) ?? 0) + 1)
  return [...counts].filter(([, n]) => n >= BULK_ROWS).map(([kind]) => recordCodec(kind).table)
}

/** SQLite's refusal of a second row with the same primary key. */
const isDuplicateKey = (e: unknown) => e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'

/**
 * The one write path. Each call is one transaction and one op (`dev:seq`, one HLC stamp): it writes
 * the rows, a change record per changed field with the value it replaced and the op(s) it superseded
 * (the field's heads), moves the heads, and only after commit emits `data-changed`. Sync publishes
 * these records, undo replays their old values, and history screens read them.
 */
export function createMutator(db: Db, deviceId: string, now: () => number, emit: (e: DataChanged) => void, memberId: () => string | null = () => null): Mutator {
  const load = (key: string) => db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = ${key}`)?.value
  let seq = Number(load('seq') ?? '0')
  // Team sync moves the clock forward when it adopts a teammate's stamp, so read it in each
  // transaction: a local edit made after a pull is then stamped after what it replaced.
  const loadClock = (): HlcState => {
    const saved = load('hlc')
    return saved ? { ...(JSON.parse(saved) as HlcState), device: deviceId } : { millis: 0, counter: 0, device: deviceId }
  }
  let clock: HlcState = loadClock()

  // Per transaction: which bulk record created a row, by table (bulkCreationLookup). Cleared when a
  // transaction starts and whenever it writes a bulk record.
  const creations = new Map<string, ReturnType<typeof bulkCreationLookup>>()
  const bulkCreation = (tbl: string, rowId: string) => {
    let find = creations.get(tbl)
    if (!find) creations.set(tbl, (find = bulkCreationLookup(db, tbl)))
    return find(rowId)
  }
  const heads = (tbl: string, rowId: string, col: string): string[] => {
    const rows = db.all<{ op: string }>(sql`SELECT op FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${col}`)
    if (rows.length > 0) return rows.map((r) => r.op)
    // A field never edited since creation has the creation op as its implicit head.
    const created = db.get<{ dev: string; seq: number }>(
      sql`SELECT dev, seq FROM change_record WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${CREATE_COL} ORDER BY id DESC LIMIT 1`
    ) ?? bulkCreation(tbl, rowId)
    return created ? [`${created.dev}:${created.seq}`] : []
  }
  // A tombstone supersedes the heads of every field of the row (SYNC.md §2.6): a teammate's edit
  // it did not see stays visible as "deleted while edited" instead of vanishing.
  const rowHeads = (tbl: string, rowId: string): string[] => {
    const ids = new Set(heads(tbl, rowId, DELETED_COL))
    for (const r of db.all<{ op: string }>(sql`SELECT op FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId}`)) ids.add(r.op)
    return [...ids].sort()
  }

  const mutate = ((label: string, changes: Change[]): MutationResult => {
    if (changes.length === 0) return { tx: null, hlc: null, changedIds: [] }
    const wall = now()
    const iso = new Date(wall).toISOString()
    let result: MutationResult = { tx: null, hlc: null, changedIds: [] }
    let committed: { seq: number; clock: HlcState } | null = null
    const kinds = new Set<string>()
    db.tx(() => {
      creations.clear()
      clock = loadClock()
      const syncing = db.get(sql`SELECT 1 AS x FROM local_state WHERE key = 'sync_team'`) !== undefined
      const stamp = hlcSend(clock, wall)
      const nextSeq = seq + 1
      const op = `${deviceId}:${nextSeq}`
      let written = 0
      const changedIds: string[] = []
      const record = (tbl: string, rowId: string, col: string, oldV: unknown, newV: unknown, base: string[]) => {
        db.run(sql.rebind(recordTemplate, [deviceId, nextSeq, stamp.stamp, tbl, rowId, col, oldV === undefined ? null : JSON.stringify(oldV), JSON.stringify(newV), base.length === 0 ? '[]' : JSON.stringify(base)]))
        written++
      }
      const moveHead = (tbl: string, rowId: string, col: string, value: unknown): string[] => {
        const base = col === DELETED_COL ? rowHeads(tbl, rowId) : heads(tbl, rowId, col)
        db.run(sql`DELETE FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${col}`)
        db.run(sql`INSERT INTO field_head (tbl, row_id, col, op, hlc, value, base)
          VALUES (${tbl}, ${rowId}, ${col}, ${op}, ${stamp.stamp}, ${JSON.stringify(value)}, ${JSON.stringify(base)})`)
        return base
      }
      // Inside this transaction: a failure rolls the drop back with the rest (db/dropIndexes.ts).
      const rebuildIndexes = dropIndexes(db, bulkTables(changes))
      // An import's creations go to the log a chunk at a time; a chunk is written when full, and
      // before any other change, so the log keeps the batch's order.
      const chunked = bulkKinds(changes)
      let open: { kind: KindName; chunk: ReturnType<typeof bulkChunk> } | null = null
      const flush = () => {
        if (open === null || open.chunk.size() === 0) return
        const { text, first, last } = open.chunk.close()
        db.run(sql`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, row_last, col, old_value, new_value, base)
          VALUES (${deviceId}, ${nextSeq}, ${stamp.stamp}, ${recordCodec(open.kind).table}, ${first}, ${last}, ${BULK_COL}, ${null}, ${text}, '[]')`)
        creations.delete(recordCodec(open.kind).table)
        written++
      }
      for (const ch of changes) {
        if (open !== null && !(ch.op === 'create' && ch.kind === open.kind)) {
          flush()
          open = null
        }
        const codec = recordCodec(ch.kind)
        const table = sql.id(codec.table)
        if (ch.op === 'create') {
          // The primary key refuses an id that exists (deleted or not): no lookup per created row.
          try {
            db.run(sql.rebind(insertTemplate(codec), [ch.id, ...codec.columns.map((c) => encodeValue(c, ch.values[c.field])), iso, iso]))
          } catch (e) {
            throw isDuplicateKey(e) ? new Error(`${codec.kind} ${ch.id} already exists`) : e
          }
          // The creation record leaves out null fields (see creationValues): an import's 100k records
          // otherwise wrote ~250 bytes of nulls each into the log.
          const values: Record<string, unknown> = {}
          for (const c of codec.columns) {
            const v = ch.values[c.field]
            if (v !== null && v !== undefined) values[c.field] = v
          }
          if (chunked.has(ch.kind)) {
            open ??= { kind: ch.kind, chunk: bulkChunk(codec.columns.map((c) => c.field)) }
            open.chunk.add(ch.id, values)
            if (open.chunk.full()) flush()
          } else record(codec.table, ch.id, CREATE_COL, undefined, values, [])
          // In a synced workspace every field gets its creation op as an explicit head (the sync merge
          // reads all heads from field_head); elsewhere the creation record is the implicit head and
          // joining a team materialises them once (sync/materializeCreationHeads.ts).
          if (syncing) db.run(
            sql`INSERT OR REPLACE INTO field_head (tbl, row_id, col, op, hlc, value, base) VALUES ${sql.join(
              codec.columns.map((c) => sql`(${codec.table}, ${ch.id}, ${c.column}, ${op}, ${stamp.stamp}, ${JSON.stringify(values[c.field] ?? null)}, '[]')`)
            )}`
          )
        } else {
          const current = db.get<Row>(sql`SELECT * FROM ${table} WHERE id = ${ch.id}`)
          if (!current) throw new Error(`${codec.kind} ${ch.id} does not exist`)
          const before = codec.fromRow(current)
          if (ch.op === 'update') {
            const sets = []
            for (const [field, value] of Object.entries(ch.set)) {
              const c = codec.byField.get(field)
              if (!c) throw new Error(`${codec.kind} has no field ${field}`)
              // `force` writes even an unchanged value: resolving a sync conflict in favour of the
              // value already shown must still supersede the other heads.
              if (!ch.force && same(before[field], value)) continue
              sets.push(sql`${sql.id(c.column)} = ${encodeValue(c, value)}`)
              const base = moveHead(codec.table, ch.id, c.column, value)
              record(codec.table, ch.id, c.column, before[field], value, base)
            }
            if (sets.length === 0) continue
            sets.push(sql`updated_at = ${iso}`)
            db.run(sql`UPDATE ${table} SET ${sql.join(sets)} WHERE id = ${ch.id}`)
          } else {
            const deleting = ch.op === 'delete'
            if (!ch.force && (before.deletedAt !== null) === deleting) continue
            const base = moveHead(codec.table, ch.id, DELETED_COL, deleting)
            record(codec.table, ch.id, DELETED_COL, !deleting, deleting, base)
            db.run(sql`UPDATE ${table} SET deleted_at = ${deleting ? iso : null}, updated_at = ${iso} WHERE id = ${ch.id}`)
          }
        }
        kinds.add(ch.kind)
        changedIds.push(ch.id)
      }
      flush()
      rebuildIndexes()
      if (written === 0) return
      // Who made it (issue #14): the acting member, so every record's history can say "Dana moved …".
      db.run(sql`INSERT INTO change_tx (dev, seq, hlc, origin, label, created_at, member_id) VALUES (${deviceId}, ${nextSeq}, ${stamp.stamp}, 'local', ${label}, ${iso}, ${memberId()})`)
      db.run(sql`INSERT INTO local_state (key, value) VALUES ('seq', ${String(nextSeq)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      db.run(sql`INSERT INTO local_state (key, value) VALUES ('hlc', ${JSON.stringify(stamp.state)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      committed = { seq: nextSeq, clock: stamp.state }
      result = { tx: op, hlc: stamp.stamp, changedIds }
    })
    // The in-memory clock moves only once the transaction has committed; a throw rolls both back.
    if (committed) {
      seq = (committed as { seq: number }).seq
      clock = (committed as { clock: HlcState }).clock
    }
    if (result.tx) emit({ tx: result.tx, kinds: [...kinds], ids: result.changedIds })
    return result
  }) as Mutator
  mutate.deviceId = deviceId
  return mutate
}
