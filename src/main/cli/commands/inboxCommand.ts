import { enums } from '../../../core/domain/enums'
import { primitives } from '../../../core/domain/primitives'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

const STATES = enums.conversationState.options

/**
 * The keys every `smo inbox --json` row carries (README, CLI section); scripts read these. `waitingSince`
 * (added after the first ones) is set while a conversation waits for its author and its clocks are paused.
 */
const KEYS = ['id', 'summary', 'author', 'url', 'occurredAt', 'state', 'type', 'priority', 'topic', 'assigneeId', 'assigneeName', 'firstResponseDueAt', 'resolutionDueAt', 'breached', 'aboutToBreach', 'escalationLevel', 'waitingSince'] as const

export const inboxCommand = command({
  ...commandSpecs.inbox,
  run: async ({ values }) => {
    const states = (Array.isArray(values.state) ? values.state : typeof values.state === 'string' ? [values.state] : []).flatMap((s) => String(s).split(','))
    for (const s of states)
      if (!(STATES as readonly string[]).includes(s)) throw new UsageError(`--state must be one of ${STATES.join(', ')}; got "${s}"`)
    const now = values.now
    if (now !== undefined && (typeof now !== 'string' || !primitives.instant.safeParse(now).success)) throw new UsageError(`--now must be a UTC time like 2026-11-23T09:30:00Z, got "${String(now)}"`)
    // The scan writes (escalations); listing only reads, so a read-only copy of a workspace works too.
    const b = await openCliBackend(values, values.scan === true ? { lock: 'smo inbox --scan' } : { readonly: true })
    try {
      const at = typeof now === 'string' ? { now } : {}
      if (values.scan === true) {
        const r = await callApi(b, 'desk-scan', at)
        if (values.json) console.log(JSON.stringify(r, null, 2))
        else {
          console.log(`Checked ${r.checked} conversation${r.checked === 1 ? '' : 's'}; escalated ${r.escalated.length}.`)
          for (const e of r.escalated) console.log(`  level ${e.level}: ${e.summary} — ${e.reason}`)
        }
        return 0
      }
      const items = []
      for (let offset = 0; ; offset += 500) {
        const page = await callApi(b, 'inbox-list', { ...at, ...(states.length > 0 ? { state: states as (typeof STATES)[number][] } : {}), ...(values.overdue === true ? { overdue: true } : {}), limit: 500, offset })
        items.push(...page.items)
        if (page.items.length < 500) break
      }
      if (values.json) {
        console.log(JSON.stringify(items.map((r) => Object.fromEntries(KEYS.map((k) => [k, r[k]]))), null, 2))
        return 0
      }
      console.log(`${items.length} conversation${items.length === 1 ? '' : 's'}${values.overdue === true ? ' overdue' : ''}:`)
      for (const r of items.slice(0, 50)) {
        const flag = r.nextDueAt !== null && r.breached ? 'OVERDUE ' : r.aboutToBreach ? 'SOON    ' : '        '
        const due = r.nextDueAt ?? (r.waitingSince !== null ? `paused ${r.waitingSince.slice(0, 10)}` : '–')
        console.log(`${flag}${r.state.padEnd(9)}${due.slice(0, 16).padEnd(17)}${(r.assigneeName ?? 'unassigned').padEnd(22)}${r.summary.slice(0, 70)}`)
      }
      if (items.length > 50) console.log(`… and ${items.length - 50} more (--json lists all)`)
      return 0
    } finally {
      b.close()
    }
  }
})
