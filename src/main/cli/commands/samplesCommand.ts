import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sampleFiles } from '../../../core/transfer/sampleFiles'
import { sampleExport } from '../../backend/demo/sampleExports'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/**
 * Sample exports made from a workspace's own links, campaigns and channels, to try every import on
 * (the demo's newcomer has no GA4 file whose campaigns are the demo's). Reads the workspace only; an
 * existing file of the same name is not overwritten.
 */
export const samplesCommand = command({
  ...commandSpecs.samples,
  run: async ({ values }) => {
    const out = values.out
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FOLDER is required: where to write the sample files')
    const dir = resolve(out)
    const b = await openCliBackend(values, { readonly: true })
    try {
      const taken = sampleFiles.filter((f) => existsSync(join(dir, f.name)))
      if (taken.length > 0) throw new UsageError(`${dir} already holds ${taken.map((f) => f.name).join(', ')}; choose an empty folder (nothing was written)`)
      // All made before any is written: a failure leaves the folder as it was.
      const texts = sampleFiles.map((f) => [f.name, sampleExport(b, f.name)] as const)
      mkdirSync(dir, { recursive: true })
      for (const [name, text] of texts) writeFileSync(join(dir, name), text)
      console.log(`Wrote ${sampleFiles.length} sample exports made from ${b.ws.paths.dir} to ${dir}:`)
      for (const f of sampleFiles) console.log(`  ${f.name} — ${f.what}. Try it: ${f.tryIt}`)
      return 0
    } finally {
      b.close()
    }
  }
})
