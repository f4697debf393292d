import { renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { openCliBackend } from '../openCliBackend'

export const handoffsCommand = command({
  name: 'handoffs',
  summary: 'Write the listening desk’s lead hand-offs as a CSV that HubSpot or Salesforce imports',
  usage: 'smo handoffs --workspace DIR --format hubspot|salesforce --out FILE.csv [--as NAME]',
  examples: ['smo handoffs --workspace ~/smo-demo --format hubspot --out leads.csv', 'smo handoffs -w ~/smo-demo --format salesforce --out leads.csv'],
  options: { workspace: { type: 'string', short: 'w' }, format: { type: 'string' }, out: { type: 'string', short: 'o' } },
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
