import { test as base } from '@playwright/test'
import { createDemoWorkspace, removeWorkspace, serveWorkspace, type Served } from './serveWorkspace'

/**
 * `app`: a browser host on a fresh demo workspace, one per test file (worker), so tests that write
 * never see each other's data. The page opens the printed URL, token included.
 */
export const test = base.extend<object, { app: Served }>({
  app: [
    // Playwright reads fixture dependencies from the destructuring pattern, so an empty one is required.
    // oxlint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = createDemoWorkspace()
      const served = await serveWorkspace(dir)
      await use(served)
      await served.stop()
      removeWorkspace(dir)
    },
    { scope: 'worker' }
  ]
})

export { expect } from '@playwright/test'
