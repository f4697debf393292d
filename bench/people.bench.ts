import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../src/main/backend/backend'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { actAs } from '../src/main/backend/people/currentMember'
import { myWork } from '../src/main/backend/people/myWork'
import { recordHistory } from '../src/main/backend/people/recordHistory'
import { recordService } from '../src/main/backend/services/recordService'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round = (v: number) => Math.round(v * 100) / 100

/**
 * People (issue #14): My work for each demo member on a 100,000-item, 3-year workspace, and the
 * history of one record that has 1,000 changes.
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-people-bench-'))
  const out: BenchResult[] = []
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')))
    try {
      writeDemo(b, { contentItems: 100_000, years: 3 })
      const members = b.db.raw.prepare(`SELECT id FROM member WHERE deleted_at IS NULL`).all() as { id: string }[]
      // The figure is for 10,000 workback tasks; the demo makes a few dozen. The rest are
      // written straight into the table (the read is what is measured): spread over the members and
      // over open items, a third of them done.
      const open = b.db.raw.prepare(`SELECT id FROM content_item WHERE status <> 'published' AND deleted_at IS NULL ORDER BY id LIMIT 5000`).all() as { id: string }[]
      const have = (b.db.raw.prepare(`SELECT count(*) AS n FROM task`).get() as { n: number }).n
      const at = new Date(b.now()).toISOString()
      const ins = b.db.raw.prepare(`INSERT INTO task (id, content_id, step_key, title, offset_days, hours, assignee_id, done, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 2, ?, ?, ?, ?)`)
      b.db.raw.transaction(() => {
        for (let i = have; i < 10_000; i++) ins.run(`01BENCHTASK${String(i).padStart(15, '0')}`, open[i % open.length]?.id ?? '', `step-${i % 5}`, `Step ${i % 5}`, -((i % 10) + 1), members[i % members.length]?.id ?? null, i % 3 === 0 ? 1 : 0, at, at)
      })()
      const tasks = (b.db.raw.prepare(`SELECT count(*) AS n FROM task`).get() as { n: number }).n
      const times: number[] = []
      for (let pass = 0; pass < 5; pass++)
        for (const m of members) {
          actAs(b, m.id)
          const t0 = performance.now()
          JSON.stringify(myWork(b, {}))
          times.push(performance.now() - t0)
        }
      out.push({ name: 'people: My work for one member (100k items, 10k tasks, 3 years)', value: round(median(times)), unit: 'ms', target: '≤ 50 ms', note: `median of ${times.length} calls over ${members.length} members, serialised; ${tasks} tasks; slowest ${round(Math.max(...times))} ms` })
      const [item] = b.db.raw.prepare(`SELECT id FROM content_item WHERE status = 'draft' AND deleted_at IS NULL LIMIT 1`).all() as { id: string }[]
      if (!item) throw new Error('no draft item')
      actAs(b, members[0]?.id ?? null)
      for (let i = 0; i < 1000; i++) recordService.update(b, 'content', { id: item.id, effortHours: (i % 40) + 1 })
      const hist: number[] = []
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now()
        const h = recordHistory(b, { id: item.id, limit: 5000 })
        JSON.stringify(h)
        hist.push(performance.now() - t0)
        if (h.items.length < 1000) throw new Error(`history has ${h.items.length} entries`)
      }
      out.push({ name: 'people: history of one record with 1,000 changes', value: round(median(hist)), unit: 'ms', target: '≤ 20 ms', note: `median of ${hist.length}, in a 100k-item workspace, serialised` })
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
