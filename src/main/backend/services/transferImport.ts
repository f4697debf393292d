import { ApiError } from '../../../core/api/apiError'
import type { ImportInput, ImportPreview, ImportResult } from '../../../core/api/methods/transferMethods'
import { labelOf } from '../../../core/domain/enums'
import { recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { isMonitoringPreset } from '../../../core/transfer/headerAliases'
import { importFields } from '../../../core/transfer/importFields'
import { importLabel } from '../../../core/transfer/importLabel'
import { parseCell } from '../../../core/transfer/parseCell'
import { describeProblem, isBlankRow, readImportRows, type ImportRow, type RowProblem } from '../../../core/transfer/readImportRows'
import { fieldLabel, type TransferField } from '../../../core/transfer/transferFields'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import type { Change, MutationResult } from '../mutate'
import { withSteadyRoles } from '../people/currentMember'
import { recordRepo } from '../repo/recordRepo'
import { historyService } from './historyService'
import { fieldsOf, presentFieldsOf, validateRecord } from './recordService'
import { importDuplicates } from './importDuplicates'
import { parseCsvText, readImportFile, type ImportTable } from './importFile'
import { importMappings } from './importMappings'
import { missingChanges } from './importMissing'
import { planImport } from './importPlan'
import { readUploadBytes } from './importUploads'
import { transferRefs } from './transferRefs'
import { wallText } from '../../../core/transfer/exportTable'

type Rec = Record<string, unknown>
export type Prepared = ImportPreview & {
  changes: Change[]
  unchanged: number
  allProblems: RowProblem[]
  duplicateRows: { row: number; reason: string }[]
  missingRefs: { kind: string; name: string }[]
}

const MAX_PROBLEMS = 1000
/** primitives.id's pattern, tested directly: a failed zod parse per row costs more than the row itself. */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const SAMPLE_ROWS = 20

function display(field: TransferField | undefined, v: unknown, nameOf: (k: KindName, id: string) => string, zone: string): string {
  if (v === null || v === undefined) return ''
  // A time as the file's rows are read: the wall clock in the zone the preview names, not a UTC instant.
  if (field?.type === 'instant' && typeof v === 'string') return wallText(v, zone)
  if (field?.type === 'ref' && typeof v === 'string' && field.refKind) return nameOf(field.refKind, v)
  if (field?.type === 'refs' && Array.isArray(v) && field.refKind) return v.map((id) => nameOf(field.refKind as KindName, String(id))).join(', ')
  if (field?.type === 'enum') return labelOf(String(v))
  if (typeof v === 'boolean') return v ? 'Yes' : 'No'
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ')
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** Rows checked between two progress reports (and chances to cancel) of a background import. */
const STEP_ROWS = 2000

/** The file as a table: text as given, or bytes (base64 or an upload) read by what they are (CSV in any encoding, XLSX). */
export async function loadImportTable(b: Backend, input: ImportInput): Promise<ImportTable> {
  if (input.text !== undefined) return parseCsvText(input.text, 'UTF-8')
  const bytes = input.data !== undefined ? Buffer.from(input.data, 'base64') : readUploadBytes(b.ws.paths.dir, input.upload ?? '')
  return readImportFile(bytes, input.fileName, input.sheet)
}

/** Read, map, parse and validate a whole file without writing (see prepareImportSteps). */
export async function prepareImport(b: Backend, input: ImportInput): Promise<Prepared> {
  const table = await loadImportTable(b, input)
  const steps = prepareImportSteps(b, input, table)
  for (;;) {
    const s = steps.next()
    if (s.done) return s.value
  }
}

/**
 * Read, map, parse and validate a whole CSV without writing: every row goes through the same
 * `validateRecord` as the record service (schema, cross-field checks, references, workspace rules),
 * so an import accepts exactly what the forms accept. The changes are kept for `applyImport`.
 * Yields rows checked so far every few thousand rows, so a background import (importJobs.ts) can
 * report progress and stop between two steps.
 */
export function* prepareImportSteps(
  b: Backend, input: ImportInput, csv: ImportTable,
  /**
   * Takes each step's changes as soon as the step passes (a pipelined import's writer,
   * services/importWriter.ts); they are then not kept, and the result's `changes` holds only what is
   * left to write at the end (the records --create-missing adds). After the first problem nothing
   * more is handed over: the writer will be told to roll back.
   */
  sink?: (changes: Change[]) => void
): Generator<{ done: number; total: number }, Prepared> {
  const { kind } = input
  const rk = recordKinds[kind]
  const fields = importFields(kind)
  const byName = new Map(fields.map((f) => [f.name, f]))
  // Progress counts the rows that are records, as the preview does (not a blank line at the end).
  let total = 0
  for (const cells of csv.data) if (!isBlankRow(cells)) total++
  yield { done: 0, total }
  const wsDir = b.ws.paths.dir
  const plan = planImport(kind, csv, input, fields, importMappings.get(wsDir, kind, csv.headers), (preset) => importMappings.getForPreset(wsDir, kind, preset))
  if ('error' in plan) throw new ApiError('invalid_input', plan.error, [{ path: ['preset'], message: plan.error }])
  const { mapping, dialect } = plan
  const refs = transferRefs(b, { createMissing: input.createMissing === true })
  // `--set field=value`: one value for every row, read like a cell of that field.
  const fixed: Rec = {}
  const setProblems: RowProblem[] = []
  for (const [name, raw] of Object.entries(input.set ?? {})) {
    const field = byName.get(name) ?? fields.find((f) => f.label.toLowerCase() === name.toLowerCase())
    if (!field || field.name === 'id') {
      setProblems.push({ row: 1, field: null, label: 'Set', column: null, message: `${kind} has no field "${name}" to set` })
      continue
    }
    const r = parseCell(field, raw, refs.resolve, dialect)
    if ('error' in r) setProblems.push({ row: 1, field: field.name, label: field.label, column: `--set ${name}`, message: r.error })
    else fixed[field.name] = r.value
  }
  const problems: RowProblem[] = [...csv.problems, ...plan.problems, ...setProblems]
  const columnOf = (field: string): string | null => csv.headers[mapping.indexOf(field)] ?? null
  const monitoring = isMonitoringPreset(kind, plan.source.preset)
  const hasIdColumn = mapping.includes('id')
  const hasExternal = 'externalId' in rk.fields.shape
  const externalIds = new Map<string, string>()
  if (hasExternal && hasIdColumn)
    for (const x of b.db.all<{ id: string; external_id: string }>(sql`SELECT id, external_id FROM ${sql.id(rk.table)} WHERE external_id <> '' AND deleted_at IS NULL`)) externalIds.set(x.external_id, x.id)
  const duplicateOf = importDuplicates(b, kind)
  const onDuplicate = input.duplicates ?? 'skip'
  const duplicateRows: { row: number; reason: string }[] = []
  // Ids of the records --create-missing will add; filled as each step's cells name new ones.
  const pendingIds = new Set<string>()
  const refFields = Object.keys(rk.refs)
  const spans = new Map<string, { from: string; to: string }>()

  // A scheduler row's title comes from its text when there is no title column (finishImportRow).
  // A conversation's summary comes from a monitoring tool's text column, its type is a question unless --set says otherwise.
  const derived = kind === 'content' && mapping.includes('brief') ? ['title'] : kind === 'conversation' ? ['type', ...(mapping.includes('_summary') ? ['summary'] : [])] : []
  const unmapped = (rk.required as readonly string[]).filter((f) => !mapping.includes(f) && !derived.includes(f) && !(f in fixed))

  const changes: Change[] = []
  let creates = 0
  let updates = 0
  let unchanged = 0
  const seen = new Map<string, number>()
  // Another tool's ids by row, apart from ours: a prefixed key would be one more string per row.
  const seenExternal = new Map<string, number>()
  const sample: ImportPreview['sample'] = []
  let cellFailed = new Set<number>()
  let creating = false
  const checkRow = (r: ImportRow): void => {
    const rowProblems: RowProblem[] = []
    const add = (field: string | null, message: string, path: (string | number)[] = []) =>
      rowProblems.push({
        row: r.row,
        field,
        label: field === null ? 'Row' : `${byName.get(field)?.label ?? fieldLabel(field)}${path.length > 1 ? ` (${path.slice(1).join(' ')})` : ''}`,
        column: field === null ? null : columnOf(field),
        message
      })
    let before: Rec | null = null
    // Another tool's id ("item-000042", a CRM's contact id) is kept as the external id; importing
    // the same export again finds the record by it and updates it.
    const isUlid = r.id !== null && ULID.test(r.id)
    if (r.id !== null && hasExternal && !isUlid) {
      const ext = r.id
      r.values.externalId = ext
      const known = externalIds.get(ext)
      r.id = known ?? null
      const twin = seenExternal.get(ext)
      if (twin !== undefined) add('id', `The same id is on row ${twin}`)
      seenExternal.set(ext, r.row)
      if (known) before = recordRepo.get(b.db, kind, known)
    } else if (r.id !== null) {
      const existing = isUlid ? recordRepo.get(b.db, kind, r.id) : null
      if (!isUlid) add('id', 'Must be a record id (26 letters and digits), or leave the id blank for a new record')
      else if (seen.has(r.id)) add('id', `The same id is on row ${seen.get(r.id)}`)
      else if (existing?.deletedAt) add('id', `This ${rk.label.toLowerCase()} was deleted; restore it in the app first`)
      else if (existing && !input.updateById) add('id', `A ${rk.label.toLowerCase()} with this id already exists; turn on "Update existing records by id" (smo import --update)`)
      else if (existing) before = existing
      seen.set(r.id, r.row)
    }
    // A row that names its record by SMO Desk id says which record it is; only the others can repeat one.
    const ownId = r.id !== null && ULID.test(r.id)
    if (rowProblems.length === 0 && !cellFailed.has(r.row) && duplicateOf && before === null && !ownId) {
      const dup = duplicateOf(r.values, r.row, r.id)
      if (dup) {
        duplicateRows.push({ row: r.row, reason: `${dup.reason}; ${onDuplicate === 'keep' ? 'kept as a new record' : onDuplicate === 'update' && dup.id ? 'updates that record' : 'skipped'}` })
        if (onDuplicate === 'update' && dup.id) before = recordRepo.get(b.db, kind, dup.id)
        else if (onDuplicate !== 'keep') return
      }
    }
    if (rowProblems.length === 0 && !cellFailed.has(r.row)) {
      // Records --create-missing will add are not in the database yet: validate without them.
      const held: Rec = {}
      for (const f of refFields) if (typeof r.values[f] === 'string' && pendingIds.has(String(r.values[f]))) {
        held[f] = r.values[f]
        r.values[f] = null
      }
      const candidate = before ? { ...fieldsOf(kind, before), ...r.values } : { ...rk.defaults, ...r.values }
      // A required field with no value gets one plain "Required" (a missing column was reported at the
      // header), not also the schema's message about undefined.
      const absent = before ? [] : (rk.required as readonly string[]).filter((f) => r.values[f] === undefined)
      for (const f of absent) if (!unmapped.includes(f)) add(f, 'Required')
      const { value, issues } = validateRecord(b, kind, before, candidate)
      for (const i of issues) if (!absent.includes(String(i.path[0]))) add(String(i.path[0] ?? ''), i.message, i.path)
      if (rowProblems.length === 0) {
        // A new object either way: the held references go straight into it, no second copy per row. An
        // update compares every field with the record's (a null clears one); a creation needs only those set.
        const values = Object.assign(before ? fieldsOf(kind, value) : presentFieldsOf(kind, value), held)
        for (const id of Object.values(held)) {
          const day = typeof values.plannedDate === 'string' ? values.plannedDate : null
          const s0 = spans.get(String(id))
          if (day) spans.set(String(id), { from: s0 && s0.from < day ? s0.from : day, to: s0 && s0.to > day ? s0.to : day })
        }
        if (before) {
          const prev = before
          const set = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(prev[k]) !== JSON.stringify(v)))
          if (Object.keys(set).length === 0) unchanged++
          else {
            changes.push({ op: 'update', kind, id: String(before.id), set })
            updates++
          }
        } else {
          changes.push({ op: 'create', kind, id: r.id ?? b.newId(), values })
          creates++
        }
        if (sample.length < SAMPLE_ROWS)
          sample.push({ row: r.row, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, display(byName.get(k), values[k] ?? v, refs.nameOf, dialect.zone)])) })
      }
    }
    for (const p of rowProblems) problems.push(p)
  }
  // The file is read and checked a step at a time: a row's cells become values just before the row is
  // checked, so the parsed values of 100k rows are never all alive at once (less for the garbage
  // collector to copy, a lower peak). Who acts and whether roles hold are read once per step (withSteadyRoles).
  let rows = 0
  for (let start = 0; start < csv.data.length; start += STEP_ROWS) {
    yield { done: rows, total }
    const read = readImportRows(csv.headers, csv.data.slice(start, start + STEP_ROWS), mapping, fields, refs.resolve, dialect, kind, fixed, start)
    // A mention is found again by its URL: a monitoring export's row without one is refused, by line.
    if (monitoring)
      for (const r of read.rows)
        if (typeof r.values.url !== 'string' || r.values.url.trim() === '')
          read.problems.push({ row: r.row, field: 'url', label: 'URL', column: columnOf('url'), message: 'Required: a mention without its URL cannot be told from another' })
    for (const p of read.problems) problems.push(p)
    for (const m of refs.missing) pendingIds.add(m.id)
    cellFailed = new Set(read.problems.map((p) => p.row))
    rows += read.rows.length
    withSteadyRoles(b, () => {
      for (const r of read.rows) {
        creating ||= r.id === null || !recordRepo.exists(b.db, kind, r.id)
        checkRow(r)
      }
    })
    if (sink !== undefined) {
      if (problems.length === 0) sink(changes.splice(0))
      else changes.length = 0
    }
  }
  // A required field with no column fails every new row; said once, at the header.
  if (creating) for (const f of unmapped) problems.push({ row: 1, field: f, label: fieldLabel(f), column: null, message: 'No column is mapped to this required field' })
  const made = missingChanges(b, refs.missing, spans)
  for (const m of made.issues) problems.push({ row: 1, field: null, label: 'Create missing', column: null, message: m })
  // Before the rows that name them; a pipelined import has written its rows already, and adds them last in the same op.
  changes.unshift(...made.changes)
  problems.sort((a, b2) => a.row - b2.row)
  return {
    fileName: input.fileName,
    headers: csv.headers,
    examples: csv.headers.map((_h, i) => csv.data.find((cells) => (cells[i] ?? '').trim() !== '')?.[i] ?? ''),
    mapping,
    fields: fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required, ...(f.optionLabels ? { options: [...f.optionLabels] } : {}) })),
    rows,
    creates,
    updates,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount: problems.length,
    sample,
    hasIdColumn,
    source: plan.source,
    duplicates: duplicateRows.slice(0, MAX_PROBLEMS),
    missing: refs.missing.map((m) => ({ kind: m.kind, name: m.name })),
    changes,
    unchanged,
    allProblems: problems,
    duplicateRows,
    missingRefs: refs.missing.map((m) => ({ kind: m.kind, name: m.name }))
  }
}

export async function previewImport(b: Backend, input: ImportInput): Promise<ImportPreview> {
  const { changes: _c, unchanged: _u, allProblems: _a, duplicateRows: _d, missingRefs: _m, ...preview } = await prepareImport(b, input)
  return preview
}

/** All or nothing: any problem in any row and nothing is written; else one transaction, one undo step. */
export async function applyImport(b: Backend, input: ImportInput): Promise<ImportResult> {
  return applyPrepared(b, input, await prepareImport(b, input))
}

/** Write what prepareImport found, or nothing if it found any problem. */
export function applyPrepared(b: Backend, input: ImportInput, p: Prepared): ImportResult {
  if (p.allProblems.length > 0) {
    const first = p.allProblems.slice(0, 3).map(describeProblem).join('; ')
    const more = p.allProblems.length > 3 ? ` and ${p.allProblems.length - 3} more` : ''
    throw new ApiError(
      'invalid_input',
      `Nothing was imported from ${input.fileName}: ${first}${more}`,
      p.allProblems.slice(0, MAX_PROBLEMS).map((x) => ({ path: ['rows', x.row, x.field ?? ''], message: x.message }))
    )
  }
  return importWritten(b, input, p, b.mutate(importLabel(input.fileName), p.changes))
}

/** After an import's op has committed (by `mutate`, or by a pipelined import's writer): its mapping is remembered and it is one undo step. */
export function importWritten(b: Backend, input: ImportInput, p: Prepared, r: MutationResult): ImportResult {
  importMappings.save(b.ws.paths.dir, input.kind, p.headers, input.mapping ?? {}, p.source?.preset)
  // One step on the app's undo stack: Ctrl+Z (history-undo) takes the whole import back, records
  // --create-missing added included.
  const n = p.creates + p.updates
  historyService.record(b, r.tx, `import ${input.fileName} (${n.toLocaleString('en-US')} ${n === 1 ? 'record' : 'records'})`)
  return { created: p.creates, updated: p.updates, unchanged: p.unchanged, tx: r.tx }
}
