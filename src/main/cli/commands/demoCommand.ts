import { writeDemo } from '../../backend/demo/writeDemo'
import { command, UsageError } from '../command'
import { openCliBackend } from '../openCliBackend'

export const demoCommand = command({
  name: 'demo',
  summary: 'Create the demo workspace (a B2B software company, this quarter and the last)',
  usage: 'smo demo --workspace DIR [--seed N] [--content-items N --years N]',
  examples: ['smo demo --workspace ~/smo-demo', 'smo demo --workspace /tmp/big --content-items 100000 --years 3'],
  options: { workspace: { type: 'string', short: 'w' }, seed: { type: 'string' }, 'content-items': { type: 'string' }, years: { type: 'string' } },
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
      console.log(`Demo workspace ready in ${b.ws.paths.dir} (${ms} ms): ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`)
      return 0
    } finally {
      b.close()
    }
  }
})
