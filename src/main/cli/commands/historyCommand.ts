import { historyText, historyWhen } from '../../../core/people/historyText'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

export const historyCommand = command({
  ...commandSpecs.history,
  run: async ({ values }) => {
    const id = values.id
    if (typeof id !== 'string' || id.trim() === '') throw new UsageError('--id ID is required (the record’s id)')
    const b = await openCliBackend(values, { readonly: true })
    try {
      const h = await callApi(b, 'record-history', { id: id.trim(), limit: 5000 })
      if (values.json) {
        console.log(JSON.stringify(h.items.map((e) => ({ at: e.at, member: e.member, field: e.field, from: e.from, to: e.to })), null, 2))
        return 0
      }
      console.log(`${h.title} (${h.kind}): ${h.items.length} change${h.items.length === 1 ? '' : 's'}${h.truncated ? ' (the newest 5,000)' : ''}`)
      const now = b.now()
      for (const e of h.items) console.log(`  ${historyWhen(e.at, now).padEnd(24)} ${historyText(e, { names: h.names })}`)
      return 0
    } finally {
      b.close()
    }
  }
})
