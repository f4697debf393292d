import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend/backend'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { tempDir } from './tempWorkspace'

/**
 * Computers of one team for a test file: `tempRoot(prefix)` a temp folder for the test, and
 * `workspace(root, name)` a real workspace folder under it with its own settings and secrets (as
 * another computer would have); both are closed and removed after each test.
 * Team keys are derived with a small scrypt cost so a test's sync setup takes milliseconds.
 */
export function syncedWorkspaces(): { tempRoot: (prefix: string) => string; workspace: (root: string, name: string) => Promise<Backend> } {
  process.env.SMO_SYNC_SCRYPT_N = '1024'
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const c of cleanups.splice(0)) c()
  })
  return {
    tempRoot(prefix) {
      const t = tempDir(prefix)
      cleanups.push(t.cleanup)
      return t.dir
    },
    async workspace(root, name) {
      const ws = await openWorkspace(join(root, name), { create: true, lock: 'test' })
      const b = createBackend(ws, memorySettings({ deviceName: name }), fileSecrets(join(root, `${name}-userdata`)))
      cleanups.push(() => b.close())
      return b
    }
  }
}
