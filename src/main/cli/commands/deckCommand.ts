import { accessSync, constants, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ApiError } from '../../../core/api/apiError'
import { strictDateTime } from '../../../core/domain/strictDateTime'
import { quarter } from '../../../core/goals/quarter'
import { deckService } from '../../backend/services/deckService'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** The folder must exist and be writable before any work starts, so a bad path fails fast and writes nothing. */
function checkWritable(file: string, ext: '.pptx' | '.pdf', flag: string): string {
  const path = resolve(file)
  if (!path.toLowerCase().endsWith(ext)) throw new UsageError(`${flag} must name a ${ext} file, got "${file}"`)
  const dir = dirname(path)
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder')
    accessSync(dir, constants.W_OK)
  } catch {
    throw new Error(`Cannot write ${path}: the folder ${dir} does not exist or is not writable`)
  }
  try {
    if (statSync(path).isDirectory()) throw new Error(`Cannot write ${path}: it is a folder`)
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e
  }
  return path
}

export const deckCommand = command({
  ...commandSpecs.deck,
  run: async ({ values }) => {
    if (typeof values.quarter !== 'string') throw new UsageError('--quarter YYYY-Qn is required')
    if (typeof values.out !== 'string') throw new UsageError('--out FILE.pptx is required')
    // Everything that can be checked without the database is checked first: nothing is opened or written on bad input.
    const parsed = quarter.parse(values.quarter)
    // A malformed quarter is a usage mistake like any other bad argument: exit 2, as the README promises.
    if (!parsed.ok) throw new UsageError(parsed.message)
    const asOf = values['as-of']
    if (asOf !== undefined && typeof asOf !== 'string') throw new UsageError('--as-of must be a date like 2026-09-30')
    const asOfDate = typeof asOf === 'string' ? strictDateTime.parseDate(asOf) : null
    if (asOfDate !== null && !asOfDate.ok) throw new UsageError(`--as-of: ${asOfDate.message}`)
    const out = checkWritable(values.out, '.pptx', '--out')
    const pdf = typeof values.pdf === 'string' ? checkWritable(values.pdf, '.pdf', '--pdf') : null
    if (pdf !== null && pdf === out) throw new UsageError('--out and --pdf must be different files')

    const b = await openCliBackend(values, { lock: false })
    try {
      const started = performance.now()
      let model
      try {
        model = deckService.model(b, parsed.quarter.key, typeof asOf === 'string' ? asOf : undefined)
      } catch (e) {
        // The service's message is already the one line to print; its field issues would only repeat it.
        // Bad input (a quarter not begun, an impossible as-of day) exits 2 like every usage mistake.
        if (e instanceof ApiError) throw e.code === 'invalid_input' ? new UsageError(e.message) : new Error(e.message)
        throw e
      }
      // Loaded here, not at the top: the writers' libraries are most of a command's start-up cost.
      await (await import('../../backend/deck/writePptx')).writePptx(model, out)
      if (pdf !== null) await (await import('../../backend/deck/writePdf')).writePdf(model, pdf)
      const ms = Math.round(performance.now() - started)
      console.log(`Deck for ${model.quarter} (${model.slides.length} slides, input ${model.inputHash.slice(0, 12)}) written in ${ms} ms: ${[out, pdf].filter((f) => f !== null).join(', ')}`)
      return 0
    } finally {
      b.close()
    }
  }
})
