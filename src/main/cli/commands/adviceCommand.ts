import type { ApiOutput } from '../../../core/api/contract'
import { adviceService } from '../../backend/services/adviceService'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'
import { authorize } from '../../backend/people/authorize'

type Advice = ApiOutput<'advice-get'>

const pct = (lift: number): string => `${lift >= 1 ? '+' : '−'}${Math.abs(Math.round((lift - 1) * 100))} %`

function parseCoolDown(v: unknown): number | undefined {
  if (v === undefined) return undefined
  const text = String(v).trim()
  const n = Number(text)
  if (text === '' || !Number.isInteger(n) || n < 0 || n > 3650) throw new UsageError(`--cool-down must be whole days between 0 and 3650, got "${text}"`)
  return n
}

function printAdvice(a: Advice): void {
  console.log(`When to post (as of ${a.asOf}; from the team's own published results)`)
  for (const t of a.timing) {
    const verdict =
      t.status === 'best-times' ? t.best.map((x) => `${x.label} ${pct(x.lift)} (${x.posts} posts)`).join(', ')
      : t.status === 'not-enough-data' ? `not enough data (${t.posts} posts)`
      : `no clear best time (${t.posts} posts)`
    console.log(`  ${t.channelName}: ${verdict}`)
  }
  console.log('')
  console.log(`Publish again (evergreen, top quarter of their channel, out at least ${a.republish.coolDownDays} days ago)`)
  if (a.republish.candidates.length === 0) console.log('  Nothing qualifies yet.')
  for (const c of a.republish.candidates) {
    console.log(`  ${c.itemId}  ${c.channelName}: “${c.title}” (${c.publishedOn}) — ${c.reason}${c.copyId === null ? '' : `; already in the backlog as ${c.copyId}`}`)
  }
  for (const t of a.republish.tooFewPosts) console.log(`  ${t.channelName}: only ${t.posts} published posts, too few to rank`)
}

export const adviceCommand = command({
  ...commandSpecs.advice,
  run: async ({ values }) => {
    const coolDownDays = parseCoolDown(values['cool-down'])
    const add = values.add
    if (add !== undefined && (typeof add !== 'string' || !/^[0-9A-HJKMNP-TV-Z]{26}$/.test(add.trim())))
      throw new UsageError(`--add needs the id of a published content item (26 characters), got "${String(add)}"`)
    const b = await openCliBackend(values)
    try {
      if (typeof add === 'string') {
        authorize(b, 'advice-republish-add')
        const r = adviceService.addToBacklog(b, { itemId: add.trim() })
        if (values.json) console.log(JSON.stringify(r, null, 2))
        else console.log(r.created ? `Added to the backlog as ${r.copyId}.` : `Already in the backlog as ${r.copyId}; nothing added.`)
        return 0
      }
      const advice = adviceService.get(b, coolDownDays === undefined ? {} : { coolDownDays })
      if (values.json) console.log(JSON.stringify(advice, null, 2))
      else printAdvice(advice)
      return 0
    } finally {
      b.close()
    }
  }
})
