import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../src/main/backend/backend'
import { openWorkspace } from '../src/main/backend/openWorkspace'
import { memorySettings } from '../src/main/backend/settings/confSettings'
import { fileSecrets } from '../src/main/backend/settings/fileSecrets'
import { deskDashboardCase, seedDeskConversations } from './deskDashboardCase'

type BenchResult = { name: string; value: number; unit: string; target?: string; note?: string }

/** The Conversations dashboard at 100,000 conversations (issue #16 "Figures": ≤ 300 ms). */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'smo-desk-dashboard-bench-'))
  try {
    const ws = await openWorkspace(join(dir, 'ws'), { create: true, lock: 'bench' })
    const b = createBackend(ws, memorySettings(), fileSecrets(join(dir, 'userdata')))
    try {
      seedDeskConversations(b, 100_000, b.now())
      return [deskDashboardCase(b, 100_000)]
    } finally {
      b.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
