import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../src/main/backend/backend'
import { sql } from '../src/main/backend/db/sql'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { backtestService } from '../src/main/backend/services/backtestService'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const round = (n: number): number => Math.round(n * 10) / 10

/** Issue #12: the backtest over 8+ past quarters of a 100k-item workspace, read from SQLite, ≤ 5 s. */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-backtest-bench-'))
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')))
    try {
      writeDemo(b, { contentItems: 100_000, years: 5 })
      const items = ws.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM content_item`)?.n ?? 0
      const times: number[] = []
      let quarters = 0
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        const r = backtestService(b)
        times.push(performance.now() - t0)
        quarters = r.quarters.length
      }
      const median = times.sort((x, y) => x - y)[1] ?? 0
      return [
        {
          name: 'backtest from the database (smo score --backtest), 100k items',
          value: round(median),
          unit: 'ms',
          target: '≤ 5000 ms',
          note: `${items.toLocaleString('en-US')} content items, ${quarters} past quarters replayed (each with the one before it), three methods; median of 3`
        }
      ]
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
