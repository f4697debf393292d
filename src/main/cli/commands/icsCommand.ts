import { writeFileSync, renameSync } from 'node:fs'
import { dirname, join, basename } from 'node:path'
import { primitives } from '../../../core/domain/primitives'
import { strictDateTime } from '../../../core/domain/strictDateTime'
import { recordRepo } from '../../backend/repo/recordRepo'
import { calendarIcs } from '../../backend/services/calendarIcs'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

function dateOption(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw new UsageError(`--${name} must be a date like 2026-11-23`)
  const d = strictDateTime.parseDate(v)
  if (!d.ok) throw new UsageError(`--${name}: ${d.message}`)
  return d.value
}

export const icsCommand = command({
  ...commandSpecs.ics,
  run: async ({ values }) => {
    const out = values.out
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required')
    const from = dateOption('from', values.from)
    const to = dateOption('to', values.to)
    if (from && to && to < from) throw new UsageError('--to is before --from')
    const channels = Array.isArray(values.channel) ? values.channel : typeof values.channel === 'string' ? [values.channel] : []
    for (const c of channels) if (!primitives.id.safeParse(c).success) throw new UsageError(`--channel must be a channel id (ULID), got ${JSON.stringify(c)}`)
    const b = await openCliBackend(values, { readonly: true })
    try {
      for (const c of channels) if (!recordRepo.exists(b.db, 'channel', c)) throw new UsageError(`No channel with id ${c}`)
      const { text, count } = calendarIcs(b, { from, to, channelIds: channels })
      // Write beside the target and rename, so a calendar app never sees half a file.
      const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`)
      writeFileSync(tmp, text, 'utf8')
      renameSync(tmp, out)
      console.log(`Wrote ${count} event${count === 1 ? '' : 's'} to ${out}`)
      return 0
    } finally {
      b.close()
    }
  }
})
