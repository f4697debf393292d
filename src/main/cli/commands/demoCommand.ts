import { writeDemo } from '../../backend/demo/writeDemo'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'
import { recordRepo } from '../../backend/repo/recordRepo'

export const demoCommand = command({
  ...commandSpecs.demo,
  run: async ({ values }) => {
    const num = (name: string) => {
      const v = values[name]
      if (v === undefined) return undefined
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, got "${String(v)}"`)
      return n
    }
    const b = await openCliBackend(values, { create: true, lock: 'smo demo' })
    try {
      const started = performance.now()
      const counts = writeDemo(b, { seed: num('seed'), contentItems: num('content-items'), years: num('years') })
      const ms = Math.round(performance.now() - started)
      // The workspace-info counts are the planning records; the demo also fills the desk, so a newcomer reading
      // this line sees those are there too. Plain words, as on screen.
      const desk = { experts: 'expert', 'routing rules': 'routingRule', 'approved answers': 'approvedAnswer', 'hand-offs': 'handoff', tasks: 'task' } as const
      const words: Record<string, string> = { contentItems: 'content items' }
      const all = [
        ...Object.entries(counts).map(([k, n]) => `${n} ${words[k] ?? k}`),
        ...Object.entries(desk).map(([label, kind]) => `${recordRepo.count(b.db, kind)} ${label}`)
      ]
      console.log(`Demo workspace ready in ${b.ws.paths.dir} (${ms} ms): ${all.join(', ')}`)
      return 0
    } finally {
      b.close()
    }
  }
})
