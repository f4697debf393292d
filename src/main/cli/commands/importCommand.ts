import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { recordKinds } from '../../../core/domain/recordKinds'
import { parseMapOption } from '../../../core/transfer/matchColumns'
import { describeProblem } from '../../../core/transfer/readImportRows'
import { applyImport, prepareImport } from '../../backend/services/transferImport'
import { importJson } from '../../backend/services/transferJson'
import { registerCalendarRules } from '../../backend/services/calendarRules'
import { scoringRules } from '../../backend/services/scoringRules'
import { command, UsageError } from '../command'
import { openCliBackend } from '../openCliBackend'
import { authorize } from '../../backend/people/authorize'
import { kindOption } from './exportCommand'

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read --file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
}

export const importCommand = command({
  name: 'import',
  summary: 'Import a CSV into one record kind (all rows or none), or load a JSON export',
  usage: 'smo import --workspace DIR (--kind KIND --file F.csv [--map "CSV header=field,…"] [--update] [--dry-run] | --all --file F.json)',
  examples: [
    'smo import --workspace ~/smo-demo --kind channel --file channels.csv --dry-run',
    'smo import --workspace ~/smo-demo --kind member --file team.csv --map "Full name=name,Hours=weeklyCapacityHours"',
    'smo import --workspace ~/new --all --file everything.json'
  ],
  options: {
    workspace: { type: 'string', short: 'w' },
    kind: { type: 'string', short: 'k' },
    all: { type: 'boolean' },
    file: { type: 'string', short: 'f' },
    map: { type: 'string' },
    update: { type: 'boolean' },
    'dry-run': { type: 'boolean' }
  },
  run: async ({ values }) => {
    if ((values.kind === undefined) === (values.all !== true)) throw new UsageError('give either --kind KIND or --all')
    const file = values.file
    if (typeof file !== 'string' || file === '') throw new UsageError('--file F is required')
    const text = readText(file)
    const fileName = basename(file)
    // The same workspace rules as the app's forms (approval gate, estimate stamps, one pin per channel).
    registerCalendarRules()
    scoringRules()
    const b = await openCliBackend(values, { create: values.all === true, lock: 'smo import' })
    try {
      // The same role check as the app's import (core/api/methodRoles.ts); rows are checked one by one too.
      authorize(b, 'import-apply')
      if (values.all === true) {
        if (values['dry-run'] === true) throw new UsageError('--dry-run works with --kind only')
        const { created } = importJson(b, text, fileName)
        console.log(`Loaded ${fileName}: ${Object.entries(created).map(([k, n]) => `${n} ${k}`).join(', ') || 'no records'}`)
        return 0
      }
      const kind = kindOption(values.kind)
      let mapping: Record<string, string> | undefined
      if (typeof values.map === 'string') {
        const m = parseMapOption(values.map)
        if ('error' in m) throw new UsageError(`--map: ${m.error}`)
        mapping = m
      }
      const input = { kind, fileName, text, mapping, updateById: values.update === true }
      const plan = prepareImport(b, input)
      const mapped = plan.headers.map((h, i) => `${h} → ${plan.mapping[i] ?? '(ignored)'}`).join(', ')
      console.log(`${fileName}: ${plan.rows} rows; columns ${mapped}`)
      if (plan.allProblems.length > 0) {
        for (const p of plan.allProblems) console.error(`${fileName} ${describeProblem(p)}`)
        console.error(`smo import: nothing was imported: ${plan.allProblems.length} problem${plan.allProblems.length === 1 ? '' : 's'} in ${fileName}`)
        return 1
      }
      const noun = recordKinds[kind].plural.toLowerCase()
      if (values['dry-run'] === true) {
        console.log(`Dry run: would create ${plan.creates} and update ${plan.updates} ${noun} (${plan.unchanged} unchanged); nothing was written`)
        return 0
      }
      const r = applyImport(b, input)
      console.log(`Imported ${fileName}: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged} ${noun}`)
      return 0
    } finally {
      b.close()
    }
  }
})
