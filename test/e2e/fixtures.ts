import { test as base } from '@playwright/test'
import { createDemoWorkspace, removeWorkspace, serveWorkspace, type Served } from './serveWorkspace'

/**
 * `app`: a browser host on a fresh demo workspace, one per spec file. Tests in one file share it (they
 * may build on each other, like a person working through a screen); files never see each other's
 * writes, whichever worker runs them. The page opens the printed URL, token included.
 */
export const test = base.extend<{ app: Served }, { servers: Map<string, Served> }>({
  servers: [
    // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required.
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const servers = new Map<string, Served>()
      await use(servers)
      for (const s of servers.values()) {
        await s.stop()
        removeWorkspace(s.dir)
      }
    },
    { scope: 'worker' }
  ],
  app: async ({ servers }, use, testInfo) => {
    let served = servers.get(testInfo.file)
    if (!served) {
      served = await serveWorkspace(createDemoWorkspace())
      servers.set(testInfo.file, served)
    }
    await use(served)
  }
})

export { expect } from '@playwright/test'
