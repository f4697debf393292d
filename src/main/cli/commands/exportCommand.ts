import { kebab } from '../../../core/api/kindMethod'
import { kindNames, recordKinds, type KindName } from '../../../core/domain/recordKinds'
import { atomicWriteBytes } from '../../backend/deck/atomicWrite'
import { exportCsv } from '../../backend/services/transferExport'
import { exportJson } from '../../backend/services/transferJson'
import { command, UsageError } from '../command'
import { openCliBackend } from '../openCliBackend'

/** `channel`, `content`, `score-snapshot` or `scoreSnapshot`, also the plural (`channels`). */
export function kindOption(value: unknown): KindName {
  const v = String(value ?? '').trim()
  const kind = kindNames.find((k) => k === v || kebab(k) === v || recordKinds[k].plural.toLowerCase().replace(/\s+/g, '-') === v.toLowerCase())
  if (!kind) throw new UsageError(`--kind must be one of ${kindNames.map((k) => kebab(k)).join(', ')}; got "${v}"`)
  return kind
}

export const exportCommand = command({
  name: 'export',
  summary: 'Export one record kind as CSV (every field), or everything as JSON',
  usage: 'smo export --workspace DIR (--kind KIND | --all) [--out FILE]',
  examples: ['smo export --workspace ~/smo-demo --kind channel --out channels.csv', 'smo export --workspace ~/smo-demo --all --out everything.json'],
  options: { workspace: { type: 'string', short: 'w' }, kind: { type: 'string', short: 'k' }, all: { type: 'boolean' }, out: { type: 'string', short: 'o' } },
  run: async ({ values }) => {
    if ((values.kind === undefined) === (values.all !== true)) throw new UsageError('give either --kind KIND or --all')
    const kind = values.all === true ? null : kindOption(values.kind)
    // Read-only and unlocked, like `smo check`: an export can run beside the open app.
    const b = await openCliBackend(values, { readonly: true })
    try {
      const { text, what } =
        kind === null
          ? { text: exportJson(b).json, what: 'every record' }
          : (() => {
              const r = exportCsv(b, kind)
              return { text: r.csv, what: `${r.rows} ${recordKinds[kind].plural.toLowerCase()}` }
            })()
      const out = values.out
      if (typeof out !== 'string' || out === '' || out === '-') {
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
