import { primitives } from '../../../core/domain/primitives'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** The keys `smo mine --json` prints, in this order (README, CLI section). */
const KEYS = ['dueThisWeek', 'overdue', 'approvals', 'tasks', 'conversations', 'influencers', 'mentions'] as const
const TITLES: Record<(typeof KEYS)[number], string> = {
  dueThisWeek: 'Due this week', overdue: 'Overdue', approvals: 'Approvals waiting on me', tasks: 'My tasks',
  conversations: 'Conversations assigned to me', influencers: 'Influencer next actions', mentions: 'Mentions'
}

export const mineCommand = command({
  ...commandSpecs.mine,
  run: async ({ values }) => {
    const today = values.today
    if (today !== undefined && (typeof today !== 'string' || !primitives.date.safeParse(today).success)) throw new UsageError(`--today must be a date like 2026-11-23, got "${String(today)}"`)
    const b = await openCliBackend(values, { readonly: true })
    try {
      const mine = await callApi(b, 'mine-get', typeof today === 'string' ? { today } : {})
      if (values.json) {
        console.log(JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, mine[k]])), null, 2))
        return 0
      }
      console.log(`My work for ${mine.me.name} (${mine.me.access}), ${mine.today}:`)
      for (const k of KEYS) {
        const list = mine[k] as Record<string, unknown>[]
        console.log(`\n${TITLES[k]} (${list.length})`)
        for (const r of list.slice(0, 20)) console.log(`  ${String(r.title ?? r.summary ?? r.name ?? r.id)}${typeof r.dueDate === 'string' ? `  due ${r.dueDate}` : typeof r.plannedDate === 'string' ? `  ${r.plannedDate}` : typeof r.nextAction === 'string' ? `  ${r.nextAction}` : ''}`)
        if (list.length > 20) console.log(`  … and ${list.length - 20} more (--json lists all)`)
      }
      return 0
    } finally {
      b.close()
    }
  }
})
