import { renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

export const handoffsCommand = command({
  ...commandSpecs.handoffs,
  run: async ({ values }) => {
    const format = values.format
    if (format !== 'hubspot' && format !== 'salesforce') throw new UsageError(`--format must be hubspot or salesforce, got ${format === undefined ? 'nothing' : `"${String(format)}"`}`)
    const out = values.out
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE.csv is required')
    const b = await openCliBackend(values, { readonly: true })
    try {
      const r = await callApi(b, 'handoff-export', { format })
      // Beside the target, then renamed: an importer never sees half a file.
      const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`)
      writeFileSync(tmp, r.csv, 'utf8')
      renameSync(tmp, out)
      console.log(`Wrote ${r.rows} hand-off${r.rows === 1 ? '' : 's'} for ${format === 'hubspot' ? 'HubSpot' : 'Salesforce'} to ${out}`)
      return 0
    } finally {
      b.close()
    }
  }
})
