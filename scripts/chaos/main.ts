/**
 * `npm run chaos -- --minutes 30 --workers 4 --seed 123`: the nightly chaos run (SYNC.md §3.4).
 * Options: --minutes M | --seconds S (default 5 min), --workers K (3–5, default 4), --seed N
 * (default: random, printed), --check-every S (default 60), --kill-every S (mean, default 3),
 * --dir PATH (keep everything there), --keep; --signed (a signed team with attackers, issue #14),
 * --attackers N (default 1). Exit code 1 on any invariant breach.
 */
import { parseArgs } from 'node:util'
import { runChaos } from './runChaos'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    workers: { type: 'string', default: '4' },
    seed: { type: 'string' },
    'check-every': { type: 'string', default: '60' },
    'kill-every': { type: 'string', default: '3' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    signed: { type: 'boolean', default: false },
    attackers: { type: 'string', default: '1' }
  }
})

const num = (text: string | undefined, name: string): number => {
  const n = Number(text)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number, got ${text}`)
  return n
}
const durationMs = values.seconds !== undefined ? num(values.seconds, 'seconds') * 1000 : num(values.minutes ?? '5', 'minutes') * 60_000
const workers = num(values.workers, 'workers')
if (workers < 2 || workers > 8) throw new Error('--workers must be between 2 and 8 (the design asks for 3–6)')
const seed = values.seed !== undefined ? num(values.seed, 'seed') : Math.floor(Math.random() * 1e9)

const result = await runChaos({
  seed,
  workers,
  durationMs,
  checkEveryMs: num(values['check-every'], 'check-every') * 1000,
  killMeanMs: num(values['kill-every'], 'kill-every') * 1000,
  ...(values.dir !== undefined ? { dir: values.dir } : {}),
  keep: values.keep,
  ...(values.signed ? { signed: { attackers: num(values.attackers, 'attackers') } } : {})
})
process.exit(result.ok ? 0 : 1)
