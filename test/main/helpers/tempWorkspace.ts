import { afterEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend, type Backend } from '../../../src/main/backend/backend'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { meService } from '../../../src/main/backend/people/meService'

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

/**
 * Make the workspace's first active owner "me" on this (test) computer, as a person would at the
 * first start: every call then acts as an owner, whom the roles allow everything (issue #14).
 */
export function actAsOwner(b: Backend): string {
  const owner = b.db.raw.prepare(`SELECT id FROM member WHERE access = 'owner' AND active = 1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1`).get() as { id: string } | undefined
  if (!owner) throw new Error('This workspace has no owner to act as')
  meService.pick(b, owner.id)
  return owner.id
}

/**
 * Temp workspaces and folders made inside a test and removed after it, whatever it made: `workspace()`
 * opens a fresh backend, `folder(prefix)` makes an empty folder (a team folder, say).
 */
export function tempsPerTest(): { workspace: () => Promise<Backend>; folder: (prefix?: string) => string } {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const c of cleanups.splice(0)) c()
  })
  return {
    workspace: async () => {
      const w = await tempBackend()
      cleanups.push(w.cleanup)
      return w.b
    },
    folder: (prefix) => {
      const d = tempDir(prefix)
      cleanups.push(d.cleanup)
      return d.dir
    }
  }
}
