import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recordKinds } from '../src/core/domain/recordKinds'
import { createBackend } from '../src/main/backend/backend'
import type { Change } from '../src/main/backend/mutate'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'
import { recordCodec } from '../src/main/backend/repo/recordCodec'
import { startWebHost } from '../src/main/web/webHost'
import { monotonicFactory } from 'ulid'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

const N = 100_000

function rows() {
  const ulid = monotonicFactory()
  const statuses = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled'] as const
  return Array.from({ length: N }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10)
    return {
      id: ulid(),
      // On top of the kind's defaults: fields added since (seriesId, recurrence, externalId) keep their
      // NOT NULL defaults, as the record service's own creations do.
      values: {
        ...recordKinds.content.defaults,
        title: `Item ${i}: how teams cut alert noise`, brief: 'A short brief for the benchmark item.', channelId: null,
        campaignId: null, pillar: 'Data quality', format: 'post', ownerId: null, status: statuses[i % statuses.length],
        plannedDate: day, dueDate: day, publishAt: null, publishZone: null, effortHours: 2, goalId: null,
        trackingUrl: '', checklist: {}, approverId: null, approvedAt: null, resultReach: null, resultEngagements: null,
        resultClicks: null, resultConversions: null
      } as Record<string, unknown>
    }
  })
}

async function insertBench(): Promise<BenchResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'smo-bench-'))
  try {
    const data = rows()
    // Through the mutation path: validation already done, so this measures rows + change records + heads.
    const ws = await openWorkspace(join(tmp, 'a'), { create: true })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(tmp, 'userdata')))
    const changes: Change[] = data.map((r) => ({ op: 'create', kind: 'content', id: r.id, values: r.values }))
    let t = performance.now()
    b.mutate('bench', changes)
    const viaMutate = performance.now() - t
    b.close()
    // Raw: one prepared INSERT of the same rows in one transaction, on a fresh database with the same schema.
    const ws2 = await openWorkspace(join(tmp, 'b'), { create: true })
    const codec = recordCodec('content')
    const cols = ['id', ...codec.columns.map((c) => c.column), 'created_at', 'updated_at']
    const st = ws2.db.raw.prepare(`INSERT INTO content_item (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
    const now = new Date().toISOString()
    t = performance.now()
    ws2.db.raw.transaction(() => {
      for (const r of data) {
        const row = codec.toRow(r.values)
        st.run(r.id, ...codec.columns.map((c) => row[c.column] ?? null), now, now)
      }
    })()
    const raw = performance.now() - t
    ws2.close()
    return [
      { name: `insert ${N.toLocaleString('en')} content items through the mutation path`, value: viaMutate, unit: 'ms', note: 'one transaction, change records and clock included' },
      { name: `insert ${N.toLocaleString('en')} content items, raw prepared INSERT`, value: raw, unit: 'ms', note: 'one transaction' },
      { name: 'mutation path / raw ratio', value: viaMutate / raw, unit: '×', target: '≤ 3×' }
    ]
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

async function roundTripBench(): Promise<BenchResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'smo-bench-'))
  const ws = await openWorkspace(join(tmp, 'w'), { create: true })
  const b = createBackend(ws, memorySettings(), fileSecrets(join(tmp, 'userdata')))
  const host = await startWebHost(b, { port: 0, rendererDir: tmp })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const body = JSON.stringify({ limit: 1 })
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now()
      const req = request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/member-list', agent, headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume()
          res.on('end', () => resolve(performance.now() - t))
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  for (let i = 0; i < 200; i++) await once()
  const times: number[] = []
  for (let i = 0; i < 2000; i++) times.push(await once())
  times.sort((a, c) => a - c)
  agent.destroy()
  await host.close()
  b.close()
  rmSync(tmp, { recursive: true, force: true })
  return [
    { name: 'API round trip through the browser host (member-list, keep-alive), median', value: times[1000] ?? 0, unit: 'ms', target: '< 2 ms' },
    { name: 'API round trip, 99th percentile', value: times[1980] ?? 0, unit: 'ms' }
  ]
}

export default async function run(): Promise<BenchResult[]> {
  return [...(await insertBench()), ...(await roundTripBench())]
}
