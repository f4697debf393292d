/**
 * The shapes of one replicated field and its register, shared by the store port (syncStore) and the
 * merge (fieldRegister). They live apart so that neither of those two modules imports the other.
 */
import type { Json } from './op'

/** A replicated field: (table, row id, column). */
export type FieldRef = { tbl: string; row: string; col: string }

/** One head of a field's multi-value register (SQLite: field_head + change_record.base). */
export type FieldHead = { id: string; h: string; v: Json; b: string[] }

/** `dev`/`seq`: the op id's parts, when the caller has them (a store may keep them instead of `id`). */
export type FieldWrite = { id: string; h: string; v: Json; b: readonly string[]; dev?: string; seq?: number }
