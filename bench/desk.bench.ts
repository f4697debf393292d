import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InboxQuery } from '../src/core/api/methods/deskMethods'
import { enums } from '../src/core/domain/enums'
import { conversation } from '../src/core/domain/conversation'
import { createBackend, type Backend } from '../src/main/backend/backend'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import type { Change } from '../src/main/backend/mutate'
import { recomputeAllClocks, refreshClocks } from '../src/main/backend/services/deskClockStore'
import { inboxList } from '../src/main/backend/services/deskInbox'
import { deskSettings } from '../src/main/backend/services/deskSettings'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'
import { deskDashboardCase, seedDeskConversations } from './deskDashboardCase'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round = (v: number) => Math.round(v * 100) / 100

/**
 * A workspace with `n` conversations over two years, 12 experts, and the desk's default settings, its
 * clocks computed. Exported for the Conversations dashboard case (LISTEN-B adds it to `run` below).
 */
export async function deskBenchWorkspace(dir: string, n = 100_000): Promise<Backend> {
  const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
  const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')), () => Date.parse('2026-11-20T12:00:00Z'))
  const experts = Array.from({ length: 12 }, () => b.newId())
  b.mutate('bench', experts.map((id, i) => ({ op: 'create', kind: 'expert', id, values: { ...conversationDefaults('expert'), name: `Expert ${i + 1}` } })))
  const types = enums.conversationType.options
  const states = enums.conversationState.options
  const priorities = enums.priority.options
  const start = Date.parse('2024-11-20T00:00:00Z')
  const span = Date.parse('2026-11-20T00:00:00Z') - start
  let changes: Change[] = []
  for (let i = 0; i < n; i++) {
    // Deterministic spread: older ones mostly resolved, the last weeks open.
    const at = start + Math.floor((i / n) * span)
    const state = i > n * 0.97 ? (states[i % 4] ?? 'new') : 'resolved'
    const assigned = state !== 'new' && state !== 'triaged'
    changes.push({
      op: 'create', kind: 'conversation', id: b.newId(),
      values: {
        ...conversation.defaults, occurredAt: new Date(at).toISOString(), author: `Author ${i % 997}`, summary: `Conversation ${i} about topic ${i % 40}`,
        topic: `topic ${i % 40}`, type: types[i % types.length], priority: priorities[i % priorities.length], state,
        assigneeId: assigned ? experts[i % experts.length] : null, assignedAt: assigned ? new Date(at + 3_600_000).toISOString() : null,
        resolution: state === 'resolved' ? 'Answered' : '', resolvedAt: state === 'resolved' ? new Date(at + 7_200_000).toISOString() : null
      }
    })
    if (changes.length === 5000) {
      b.mutate('bench', changes)
      changes = []
    }
  }
  if (changes.length > 0) b.mutate('bench', changes)
  refreshClocks(b)
  return b
}

function conversationDefaults(kind: 'expert') {
  return kind === 'expert' ? { memberId: null, team: '', role: '', email: '', topics: [], languages: [], availability: 'available', availabilityNote: '', escalatesToId: null, active: true, leftAt: null } : {}
}

/**
 * The listening desk (issue #16 "Figures") at 100k conversations: inbox filter + sort, recomputing every
 * due time, changing business hours, and the Conversations dashboard (its own workspace: a quarter of
 * conversations, escalations and hand-offs, as the dashboard reads them).
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-desk-bench-'))
  const out: BenchResult[] = []
  try {
    const b = await deskBenchWorkspace(dir)
    try {
      const queries: InboxQuery[] = [
        { state: ['new', 'triaged', 'assigned', 'waiting'], sort: 'due' },
        { overdue: true, sort: 'due' },
        { type: 'complaint', sort: 'priority' },
        { state: 'resolved', sort: 'occurred', dir: 'desc', topic: 'topic 7' }
      ]
      const times: number[] = []
      for (let pass = 0; pass < 5; pass++)
        for (const q of queries) {
          const t0 = performance.now()
          JSON.stringify(inboxList(b, { ...q, limit: 50 }))
          times.push(performance.now() - t0)
        }
      out.push({ name: 'desk: inbox filter + sort + counts (100k conversations)', value: round(median(times)), unit: 'ms', target: '≤ 100 ms', note: `median of ${times.length} queries (open by due, overdue, complaints by priority, resolved by topic), 50 rows, serialised` })
      const re: number[] = []
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        const n = recomputeAllClocks(b)
        re.push(performance.now() - t0)
        if (n !== 100_000) throw new Error(`recomputed ${n}`)
      }
      out.push({ name: 'desk: recompute every due time (100k conversations)', value: round(median(re)), unit: 'ms', target: '≤ 1000 ms', note: 'median of 3, one transaction' })
      const t0 = performance.now()
      deskSettings.set(b, { week: { mon: [{ start: '08:00', end: '16:00' }], tue: [{ start: '08:00', end: '16:00' }], wed: [{ start: '08:00', end: '16:00' }], thu: [{ start: '08:00', end: '16:00' }], fri: [{ start: '08:00', end: '14:00' }], sat: [], sun: [] } })
      out.push({ name: 'desk: change business hours, every due time recomputed (100k)', value: round(performance.now() - t0), unit: 'ms', target: '≤ 1000 ms', note: 'one call of desk-settings-set' })
    } finally {
      b.close()
    }
    const ws = await openWorkspace(join(dir, 'dashboard'), { create: true, lock: 'bench' })
    const d = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata-dashboard')))
    try {
      seedDeskConversations(d, 100_000, d.now())
      out.push(deskDashboardCase(d, 100_000))
    } finally {
      d.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}
