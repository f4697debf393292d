import { createHash } from 'node:crypto'
import { ApiError } from '../../../core/api/apiError'
import type { KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { sql } from '../db/sql'

type KeyRow = { kind: string; record_id: string; input_hash: string }

// Key order must not make the same request look different.
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical)
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
  return v
}

/**
 * One record per create gesture. Without a creation id, `create` simply runs. With one, the first
 * request writes the record and remembers the id in the same transaction; a repeat of the same request
 * (double click, Enter twice, a retry after a timeout — or two copies racing, which the serialised
 * backend handles one after the other) gets the first record's id back and writes nothing. Reusing
 * the id for a different request is refused rather than guessed at.
 */
export function createOnce(b: Backend, kind: KindName, creationId: string | undefined, input: unknown, create: (id: string) => void, id: string = b.newId()): { id: string; replayed: boolean } {
  if (creationId === undefined) {
    create(id)
    return { id, replayed: false }
  }
  const hash = createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex')
  const known = b.db.get<KeyRow>(sql`SELECT kind, record_id, input_hash FROM creation_key WHERE key = ${creationId}`)
  if (known) {
    if (known.kind !== kind || known.input_hash !== hash)
      throw new ApiError('conflict', 'This creation id was already used to create a different record; nothing was created', [{ path: ['creationId'], message: 'Already used for another record' }])
    return { id: known.record_id, replayed: true }
  }
  // The key row goes first: once the mutation inside has committed its op nothing else can fail,
  // so the mutator's sequence never runs ahead of a rolled-back transaction.
  b.db.tx(() => {
    b.db.run(sql`INSERT INTO creation_key (key, kind, record_id, input_hash, created_at) VALUES (${creationId}, ${kind}, ${id}, ${hash}, ${new Date(b.now()).toISOString()})`)
    create(id)
  })
  return { id, replayed: false }
}
