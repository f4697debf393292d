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

/**
 * What a streamed batch will hold, said up front since its changes arrive a part at a time: the
 * kinds it creates so many records of that their creations are logged in chunks, and the tables
 * whose indexes are rebuilt at the end rather than updated row by row (mutate works both out from
 * the whole batch it is given).
 */
export type StreamPlan = { bulkKinds: readonly KindName[]; rebuildTables: readonly string[] }

/**
 * One transaction written a part at a time (an import's rows as they pass their checks): `write`
 * each part, then `finish` commits it as one op — the same records, heads and log a single `mutate`
 * of all the parts writes — or `abort` leaves the workspace as it was. The write lock is held from
 * the start to the end, so nothing else writes in between.
 */
export type MutationStream = {
  write: (changes: readonly Change[]) => void
  finish: () => MutationResult
  abort: () => void
}

export type Mutator = {
  (label: string, changes: Change[]): MutationResult
  stream: (label: string, plan: StreamPlan) => MutationStream
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
  // A field never edited since creation has the creation op as its implicit head. A row has one
  // creation record: its own (`*`) or a place in an import's chunk. The chunks are asked first: their
  // ranges are in memory for the transaction, while the `*` look-up is a query per row that finds
  // nothing for an imported row (an undo of a 100k-row import asked it 100k times).
  const creationOp = (tbl: string, rowId: string): string | null => {
    const created = bulkCreation(tbl, rowId) ?? db.get<{ dev: string; seq: number }>(
      sql`SELECT dev, seq FROM change_record WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${CREATE_COL} ORDER BY id DESC LIMIT 1`
    )
    return created ? `${created.dev}:${created.seq}` : null
  }
  /** A field's heads, and whether field_head holds them (else they are the implicit creation op, or none). */
  const heads = (tbl: string, rowId: string, col: string): { ops: string[]; stored: boolean } => {
    const rows = db.all<{ op: string }>(sql`SELECT op FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${col}`)
    if (rows.length > 0) return { ops: rows.map((r) => r.op), stored: true }
    const created = creationOp(tbl, rowId)
    return { ops: created === null ? [] : [created], stored: false }
  }
  // A tombstone supersedes the heads of every field of the row (SYNC.md §2.6): a teammate's edit
  // it did not see stays visible as "deleted while edited" instead of vanishing. One read of the
  // row's stored heads serves both: the tombstone field's own (else the creation op) and the others.
  const rowHeads = (tbl: string, rowId: string): { ops: string[]; stored: boolean } => {
    const rows = db.all<{ col: string; op: string }>(sql`SELECT col, op FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId}`)
    const ids = new Set(rows.map((r) => r.op))
    const stored = rows.some((r) => r.col === DELETED_COL)
    if (!stored) {
      const created = creationOp(tbl, rowId)
      if (created !== null) ids.add(created)
    }
    return { ops: [...ids].sort(), stored }
  }

  /**
   * The writer of one op, used inside an open transaction: `write` each change in order, then `end`
   * writes what closes the op (the last log chunk, the rebuilt indexes, the op's own row, the seq and
   * clock). Shared by `mutate` (one batch) and `stream` (parts).
   */
  const openOp = (label: string, plan: StreamPlan) => {
    const wall = now()
    const iso = new Date(wall).toISOString()
    creations.clear()
    // Read in each transaction, like the clock: a streamed import writes from another connection
    // (a worker thread, services/importWriter.ts), and the next op must follow the one it wrote.
    seq = Number(load('seq') ?? '0')
    clock = loadClock()
    const syncing = db.get(sql`SELECT 1 AS x FROM local_state WHERE key = 'sync_team'`) !== undefined
    const stamp = hlcSend(clock, wall)
    const nextSeq = seq + 1
    const op = `${deviceId}:${nextSeq}`
    let written = 0
    const changedIds: string[] = []
    const kinds = new Set<string>()
    const record = (tbl: string, rowId: string, col: string, oldV: unknown, newV: unknown, base: string[]) => {
      db.run(sql.rebind(recordTemplate, [deviceId, nextSeq, stamp.stamp, tbl, rowId, col, oldV === undefined ? null : JSON.stringify(oldV), JSON.stringify(newV), base.length === 0 ? '[]' : JSON.stringify(base)]))
      written++
    }
    const moveHead = (tbl: string, rowId: string, col: string, value: unknown): string[] => {
      const { ops: base, stored } = col === DELETED_COL ? rowHeads(tbl, rowId) : heads(tbl, rowId, col)
      // Only a field whose heads are stored has rows to replace.
      if (stored) db.run(sql`DELETE FROM field_head WHERE tbl = ${tbl} AND row_id = ${rowId} AND col = ${col}`)
      db.run(sql`INSERT INTO field_head (tbl, row_id, col, op, hlc, value, base)
        VALUES (${tbl}, ${rowId}, ${col}, ${op}, ${stamp.stamp}, ${JSON.stringify(value)}, ${JSON.stringify(base)})`)
      return base
    }
    // Inside this transaction: a failure rolls the drop back with the rest (db/dropIndexes.ts).
    const rebuildIndexes = dropIndexes(db, plan.rebuildTables)
    // An import's creations go to the log a chunk at a time; a chunk is written when full, and
    // before any other change, so the log keeps the batch's order.
    const chunked = new Set(plan.bulkKinds)
    let open: { kind: KindName; chunk: ReturnType<typeof bulkChunk> } | null = null
    const flush = () => {
      if (open === null || open.chunk.size() === 0) return
      const { text, first, last } = open.chunk.close()
      db.run(sql`INSERT INTO change_record (dev, seq, hlc, tbl, row_id, row_last, col, old_value, new_value, base)
        VALUES (${deviceId}, ${nextSeq}, ${stamp.stamp}, ${recordCodec(open.kind).table}, ${first}, ${last}, ${BULK_COL}, ${null}, ${text}, '[]')`)
      creations.delete(recordCodec(open.kind).table)
      written++
    }
    const write = (ch: Change): void => {
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
      } else if (ch.op !== 'update') {
        // A delete or restore reads only whether the row is deleted: not the whole row, decoded
        // (an undo of a 100k-row import deletes 100k rows).
        const current = db.get<{ deleted_at: string | null }>(sql`SELECT deleted_at FROM ${table} WHERE id = ${ch.id}`)
        if (!current) throw new Error(`${codec.kind} ${ch.id} does not exist`)
        const deleting = ch.op === 'delete'
        if (!ch.force && (current.deleted_at !== null) === deleting) return
        const base = moveHead(codec.table, ch.id, DELETED_COL, deleting)
        record(codec.table, ch.id, DELETED_COL, !deleting, deleting, base)
        db.run(sql`UPDATE ${table} SET deleted_at = ${deleting ? iso : null}, updated_at = ${iso} WHERE id = ${ch.id}`)
      } else {
        const current = db.get<Row>(sql`SELECT * FROM ${table} WHERE id = ${ch.id}`)
        if (!current) throw new Error(`${codec.kind} ${ch.id} does not exist`)
        const before = codec.fromRow(current)
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
        if (sets.length === 0) return
        sets.push(sql`updated_at = ${iso}`)
        db.run(sql`UPDATE ${table} SET ${sql.join(sets)} WHERE id = ${ch.id}`)
      }
      kinds.add(ch.kind)
      changedIds.push(ch.id)
    }
    /** Closes the op; returns what it wrote, or null when nothing changed (no op is used up). */
    const end = (): { result: MutationResult; committed: { seq: number; clock: HlcState }; kinds: string[] } | null => {
      flush()
      rebuildIndexes()
      if (written === 0) return null
      // Who made it (issue #14): the acting member, so every record's history can say "Dana moved …".
      db.run(sql`INSERT INTO change_tx (dev, seq, hlc, origin, label, created_at, member_id) VALUES (${deviceId}, ${nextSeq}, ${stamp.stamp}, 'local', ${label}, ${iso}, ${memberId()})`)
      db.run(sql`INSERT INTO local_state (key, value) VALUES ('seq', ${String(nextSeq)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      db.run(sql`INSERT INTO local_state (key, value) VALUES ('hlc', ${JSON.stringify(stamp.state)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      return { result: { tx: op, hlc: stamp.stamp, changedIds }, committed: { seq: nextSeq, clock: stamp.state }, kinds: [...kinds] }
    }
    return { write, end }
  }
  // The in-memory seq and clock move only once the transaction has committed; a throw rolls both back.
  const committed = (done: ReturnType<ReturnType<typeof openOp>['end']>): MutationResult => {
    if (done === null) return { tx: null, hlc: null, changedIds: [] }
    seq = done.committed.seq
    clock = done.committed.clock
    if (done.result.tx) emit({ tx: done.result.tx, kinds: done.kinds, ids: done.result.changedIds })
    return done.result
  }

  const mutate = ((label: string, changes: Change[]): MutationResult => {
    if (changes.length === 0) return { tx: null, hlc: null, changedIds: [] }
    const done = db.tx(() => {
      const w = openOp(label, { bulkKinds: [...bulkKinds(changes)], rebuildTables: bulkTables(changes) })
      for (const ch of changes) w.write(ch)
      return w.end()
    })
    return committed(done)
  }) as Mutator

  mutate.stream = (label, plan) => {
    // IMMEDIATE: the write lock is taken now, not at the first write, so no other connection can
    // write between two parts (and find the table's indexes dropped).
    db.raw.exec('BEGIN IMMEDIATE')
    let state: 'open' | 'done' = 'open'
    const rollback = () => {
      state = 'done'
      if (db.raw.inTransaction) db.raw.exec('ROLLBACK')
    }
    const fail = (e: unknown): never => {
      rollback()
      throw e
    }
    let w: ReturnType<typeof openOp>
    try {
      w = openOp(label, plan)
    } catch (e) {
      return fail(e)
    }
    const usable = () => {
      if (state !== 'open') throw new Error(`The write "${label}" has already ended`)
    }
    return {
      write(changes) {
        usable()
        try {
          for (const ch of changes) w.write(ch)
        } catch (e) {
          fail(e)
        }
      },
      finish() {
        usable()
        let done: ReturnType<typeof w.end>
        try {
          done = w.end()
          db.raw.exec('COMMIT')
        } catch (e) {
          return fail(e)
        }
        state = 'done'
        return committed(done)
      },
      abort() {
        if (state === 'open') rollback()
      }
    }
  }
  mutate.deviceId = deviceId
  return mutate
}
