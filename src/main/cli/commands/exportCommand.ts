import { kebab } from '../../../core/api/kindMethod'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { countNoun } from '../../../core/domain/recordKind'
import { atomicWriteBytes } from '../../backend/deck/atomicWrite'
import { csvDialectNames, isCsvDialect, type CsvDialectName } from '../../../core/transfer/exportTable'
import { ApiError } from '../../../core/api/apiError'
import { localZone } from '../../backend/localDay'
import { exportCsv, exportTable, tableFile } from '../../backend/services/transferExport'
import { exportJson } from '../../backend/services/transferJson'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** `channel`, `content`, `score-snapshot` or `scoreSnapshot`, also the plural (`channels`). */
export function kindOption(value: unknown): KindName {
  const v = String(value ?? '').trim()
  const kind = kindNames.find((k) => k === v || kebab(k) === v || recordKinds[k].plural.toLowerCase().replace(/\s+/g, '-') === v.toLowerCase())
  if (!kind) throw new UsageError(`--kind must be one of ${kindNames.map((k) => kebab(k)).join(', ')}; got "${v}"`)
  return kind
}

export const exportCommand = command({
  ...commandSpecs.export,
  run: async ({ values }) => {
    if ((values.kind === undefined) === (values.all !== true)) throw new UsageError('give either --kind KIND or --all')
    const kind = values.all === true ? null : kindOption(values.kind)
    const out = typeof values.out === 'string' && values.out !== '' && values.out !== '-' ? values.out : null
    const xlsx = out !== null && /\.xlsx$/i.test(out)
    let dialect: CsvDialectName | null = null
    if (values.dialect !== undefined) {
      const d = String(values.dialect)
      if (!isCsvDialect(d)) throw new UsageError(`--dialect must be one of ${csvDialectNames.join(', ')}; got "${d}"`)
      dialect = d
    }
    if (dialect !== null && (kind === null || xlsx)) throw new UsageError('--dialect is for a CSV export of one kind (--kind K --out F.csv)')
    if (kind === null && xlsx) throw new UsageError('--all writes JSON; export one kind at a time to Excel (--kind K --out F.xlsx)')
    if (kind !== null && (xlsx || dialect !== null)) {
      // Typed cells (XLSX) or a spreadsheet's CSV dialect; local times are this computer's zone, as the importer reads them.
      const b = await openCliBackend(values, { readonly: true })
      try {
        const table = exportTable(b, kind)
        let bytes: Buffer
        try {
          bytes = await tableFile(table, xlsx ? 'xlsx' : 'csv', dialect ?? 'utf-8', localZone())
        } catch (e) {
          if (e instanceof ApiError && e.code === 'invalid_input') {
            console.error(`smo export: ${e.message}`)
            return 1
          }
          throw e
        }
        if (out === null) process.stdout.write(bytes)
        else {
          await atomicWriteBytes(out, bytes)
          console.log(`Exported ${counted(table.rows.length, kind)} to ${out}`)
        }
        return 0
      } finally {
        b.close()
      }
    }
    // Read-only and unlocked, like `smo check`: an export can run beside the open app.
    const b = await openCliBackend(values, { readonly: true })
    try {
      const { text, what } =
        kind === null
          ? { text: exportJson(b).json, what: 'every record' }
          : (() => {
              const r = exportCsv(b, kind)
              return { text: r.csv, what: counted(r.rows, kind) }
            })()
      if (out === null) {
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
        return 0
      }
      // A spreadsheet opening the file while we write must never see half of it.
      await atomicWriteBytes(out, Buffer.from(text, 'utf8'))
      console.log(`Exported ${what} to ${out}`)
      return 0
    } finally {
      b.close()
    }
  }
})

/** "2,021 content items", "13 channels", "1 channel". */
function counted(n: number, kind: KindName): string {
  const rk = recordKinds[kind]
  return `${n.toLocaleString('en-US')} ${n === 1 ? rk.label.toLowerCase() : countNoun(rk)}`
}
