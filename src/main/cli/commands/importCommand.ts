import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ApiError } from '../../../core/api/apiError'
import type { ImportInput } from '../../../core/api/methods/transferMethods'
import { recordKinds } from '../../../core/domain/recordKinds'
import { countNoun } from '../../../core/domain/recordKind'
import { presetNamesOf } from '../../../core/transfer/headerAliases'
import { parseMapOption } from '../../../core/transfer/matchColumns'
import { describeProblem, type RowProblem } from '../../../core/transfer/readImportRows'
import { MAX_UPLOAD } from '../../backend/services/importUploads'
import { importJson } from '../../backend/services/transferJson'
import { readImportFile, type ImportTable } from '../../backend/services/importFile'
import { applyPrepared, importWritten, prepareImportSteps, type Prepared } from '../../backend/services/transferImport'
import { pipelinedImportWriter } from '../../backend/services/importWriter'
import { registerCalendarRules } from '../../backend/services/calendarRules'
import { scoringRules } from '../../backend/services/scoringRules'
import type { Backend } from '../../backend/backend'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'
import { authorize } from '../../backend/people/authorize'
import { kindOption } from './exportCommand'

const SHOWN = 20

function readBytes(file: string): Buffer {
  try {
    const size = statSync(file).size
    if (size > MAX_UPLOAD) throw new UsageError(`--file ${file} is ${(size / 1024 ** 3).toFixed(1)} GB; SMO Desk imports files up to ${MAX_UPLOAD / 1024 ** 2} MB (a 100,000-row calendar is 18 MB): split it or check it is the right file`)
    return readFileSync(file)
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`cannot read --file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
}

/** `--set channelId=Blog --set status=draft` → { channelId: 'Blog', status: 'draft' }. */
function setOption(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of Array.isArray(v) ? v.map(String) : []) {
    const at = part.indexOf('=')
    if (at <= 0) throw new UsageError(`--set "${part}" is not field=value`)
    out[part.slice(0, at).trim()] = part.slice(at + 1)
  }
  return out
}

/** Every problem into `imports/problems-….csv` beside the database, so a long list stays findable after the terminal scrolls. */
function writeProblems(b: Backend, fileName: string, problems: RowProblem[]): string {
  const dir = join(b.ws.paths.dir, 'imports')
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `problems-${fileName.replace(/[^\w.-]+/g, '_')}-${new Date(b.now()).toISOString().replace(/[:.]/g, '-')}.csv`)
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`
  writeFileSync(out, ['row,column,field,message', ...problems.map((p) => [p.row, q(p.column ?? ''), q(p.label), q(p.message)].join(','))].join('\r\n'))
  return out
}

export const importCommand = command({
  ...commandSpecs.import,
  run: async ({ values }) => {
    if ((values.kind === undefined) === (values.all !== true)) throw new UsageError('give either --kind KIND or --all')
    const file = values.file
    if (typeof file !== 'string' || file === '') throw new UsageError('--file F is required')
    const bytes = readBytes(file)
    const fileName = basename(file)
    const json = values.json === true
    // The same workspace rules as the app's forms (approval gate, estimate stamps, one pin per channel).
    registerCalendarRules()
    scoringRules()
    if (values.all === true) {
      if (values['dry-run'] === true) throw new UsageError('--dry-run works with --kind only')
      const b = await openCliBackend(values, { create: true, lock: 'smo import' })
      try {
        // The same role check as the app's import (core/api/methodRoles.ts); rows are checked one by one too.
        authorize(b, 'import-apply')
        const { created } = importJson(b, bytes.toString('utf8'), fileName)
        console.log(`Loaded ${fileName}: ${Object.entries(created).map(([k, n]) => `${n} ${k}`).join(', ') || 'no records'}`)
        return 0
      } finally {
        b.close()
      }
    }
    const kind = kindOption(values.kind)
    let mapping: Record<string, string> | undefined
    if (typeof values.map === 'string') {
      const m = parseMapOption(values.map)
      if ('error' in m) throw new UsageError(`--map: ${m.error}`)
      mapping = m
    }
    const str = (k: string) => (typeof values[k] === 'string' ? String(values[k]) : undefined)
    const preset = str('preset')
    if (preset !== undefined && !presetNamesOf(kind).includes(preset)) throw new UsageError(`--preset must be one of ${presetNamesOf(kind).join(', ')} for --kind ${kind}`)
    const dates = str('dates')
    if (dates !== undefined && dates !== 'dmy' && dates !== 'mdy') throw new UsageError('--dates must be dmy (31/12/2026) or mdy (12/31/2026)')
    const duplicates = str('duplicates')
    if (duplicates !== undefined && !['skip', 'update', 'keep'].includes(duplicates)) throw new UsageError('--duplicates must be skip, update or keep')
    const input = {
      kind, fileName, data: '', mapping, updateById: values.update === true, createMissing: values['create-missing'] === true, preset,
      set: setOption(values.set), sheet: str('sheet'), zone: str('zone'),
      ...(dates !== undefined ? { dateOrder: dates as 'dmy' | 'mdy' } : {}),
      ...(duplicates !== undefined ? { duplicates: duplicates as 'skip' | 'update' | 'keep' } : {})
    } satisfies ImportInput
    // A file that is not what it claims, or a sheet it does not have, is refused (exit 2) before the workspace is opened.
    let table: ImportTable
    try {
      table = await readImportFile(bytes, fileName, input.sheet)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_input') throw new UsageError(e.message)
      throw e
    }
    const b = await openCliBackend(values, { lock: 'smo import' })
    try {
      authorize(b, 'import-apply')
      // A large file is written while it is checked (services/importWriter.ts); the command is the
      // only one using this workspace (its lock), so the writer's open transaction keeps no one waiting.
      const writer = values['dry-run'] !== true ? pipelinedImportWriter(b, fileName, kind, table.data.length) : null
      let plan: Prepared
      try {
        const steps = prepareImportSteps(b, input, table, writer === null ? undefined : (changes) => writer.write(changes))
        for (;;) {
          const s = steps.next()
          if (s.done) {
            plan = s.value
            break
          }
        }
      } catch (e) {
        await writer?.abort()
        // An unknown preset: exit 2, like any bad argument.
        if (e instanceof ApiError && e.code === 'invalid_input') throw new UsageError(e.message)
        throw e
      }
      if (writer !== null && plan.allProblems.length > 0) await writer.abort()
      const errors = plan.allProblems
      const more = errors.length > SHOWN ? writeProblems(b, fileName, errors) : null
      const report = {
        rows: plan.rows,
        create: plan.creates,
        update: plan.updates,
        unchanged: plan.unchanged,
        duplicates: plan.duplicateRows,
        errors: errors.slice(0, SHOWN).map((p) => ({ row: p.row, column: p.column ?? p.label, message: p.message })),
        errorCount: errors.length,
        ...(more !== null ? { errorsFile: more } : {}),
        missing: plan.missingRefs,
        read: plan.source?.summary ?? '',
        written: false
      }
      const noun = countNoun(recordKinds[kind])
      if (!json) {
        const mapped = plan.headers.map((h, i) => `${h} → ${plan.mapping[i] ?? '(ignored)'}`).join(', ')
        console.log(`${fileName}: ${plan.rows} rows; read as ${report.read}; columns ${mapped}`)
        for (const d of plan.duplicateRows.slice(0, SHOWN)) console.log(`${fileName} row ${d.row}: duplicate, ${d.reason}`)
      }
      if (errors.length > 0) {
        if (json) console.log(JSON.stringify(report, null, 1))
        else {
          for (const p of errors.slice(0, SHOWN)) console.error(`${fileName} ${describeProblem(p)}`)
          if (more !== null) console.error(`…and ${errors.length - SHOWN} more; all ${errors.length} are in ${more}`)
        }
        console.error(`smo import: nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${fileName}`)
        return 1
      }
      if (writer !== null) {
        writer.write(plan.changes)
        importWritten(b, input, plan, await writer.finish())
        report.written = true
      } else if (values['dry-run'] !== true) {
        applyPrepared(b, input, plan)
        report.written = true
      }
      if (json) console.log(JSON.stringify(report, null, 1))
      else if (values['dry-run'] === true) console.log(`Dry run: would create ${plan.creates} and update ${plan.updates} ${noun} (${plan.unchanged} unchanged); nothing was written`)
      else console.log(`Imported ${fileName}: created ${plan.creates}, updated ${plan.updates}, unchanged ${plan.unchanged} ${noun}${plan.missingRefs.length > 0 ? `; added ${plan.missingRefs.map((m) => `${m.kind} "${m.name}"`).join(', ')}` : ''}`)
      return 0
    } finally {
      b.close()
    }
  }
})

