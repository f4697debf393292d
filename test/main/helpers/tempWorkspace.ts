import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend, type Backend } from '../../../src/main/backend/backend'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'smo-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A real workspace (SQLite file in a temp folder) with a backend on it. */
export async function tempBackend(now: () => number = Date.now): Promise<{ b: Backend; dir: string; cleanup: () => void }> {
  const t = tempDir()
  const ws = await openWorkspace(join(t.dir, 'ws'), { create: true, lock: 'test' })
  const b = createBackend(ws, memorySettings(), fileSecrets(join(t.dir, 'userdata')), now)
  return {
    b,
    dir: join(t.dir, 'ws'),
    cleanup: () => {
      b.close()
      t.cleanup()
    }
  }
}
