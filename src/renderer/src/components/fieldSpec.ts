import type { KindName } from '../../../core/domain/recordKinds'

type Base = {
  /** The record field this input edits (a key of `recordKinds[kind].fields`). */
  name: string
  label: string
  help?: string
  /** Take the whole row of the two-column form. */
  wide?: boolean
}

/** How one field of a record is edited. The zod schema says what is valid; this says how it looks. */
export type FieldSpec =
  | (Base & { input: 'text' | 'textarea' | 'date' | 'checkbox' | 'tags' })
  | (Base & { input: 'number'; step?: number; min?: number; max?: number })
  | (Base & { input: 'select'; options: readonly string[] })
  /** Any number of a closed list's values (a routing rule's types), as checkboxes with their labels. */
  | (Base & { input: 'choices'; options: readonly string[] })
  | (Base & { input: 'ref'; refKind: KindName })
  /** Any number of records of another kind (a routing rule's channels), as checkboxes with their names. */
  | (Base & { input: 'refChoices'; refKind: KindName })
  /** A list of links to records of another kind, each with a number (a channel's goals and expected rates). */
  | (Base & { input: 'links'; refKind: KindName; idKey: string; valueKey: string; valueLabel: string })
  /**
   * A small table of rows inside the form (an influencer's interactions, handles per platform). With
   * `asRecord` the rows are the entries of an object keyed by one column.
   */
  | (Base & { input: 'rows'; columns: readonly RowColumn[]; addLabel: string; asRecord?: { key: string; value: string } })
  /** A UTC instant edited as local date and time in a zone: the record's zone field, else this machine's. */
  | (Base & { input: 'datetime'; zoneField?: string })

export type RefOption = { id: string; name: string }
export type RefOptions = Partial<Record<KindName, readonly RefOption[]>>

export type RowColumn = { key: string; label: string; type: 'text' | 'date' | 'select'; options?: readonly string[]; width?: string }
