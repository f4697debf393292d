import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { TablePage } from './pages/TablePage'
import { createDemoWorkspace, removeWorkspace, serveWorkspace } from './serveWorkspace'

/** Overwrite the middle fifth of the database's pages with junk (header and schema intact). */
function damagePages(file: string): void {
  const pages = Math.floor(statSync(file).size / 4096)
  const from = Math.floor(pages * 0.4)
  const junk = Buffer.alloc((Math.floor(pages * 0.6) - from) * 4096, 0xab)
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, junk, 0, junk.length, from * 4096)
  } finally {
    closeSync(fd)
  }
}

test('a damaged workspace: the browser host shows the refusal and restores the newest good backup, keeping the damaged file', async ({ page }) => {
  // Three CLI runs (demo, backup, serve) before the browser opens anything.
  test.setTimeout(180_000)
  const dir = createDemoWorkspace()
  const backup = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'smo.mjs'), 'backup', '--workspace', dir], {
    encoding: 'utf8',
    env: { ...process.env, SMO_USER_DATA: join(dir, '..', 'userdata') }
  })
  expect(backup.status, backup.stderr).toBe(0)
  const good = readdirSync(join(dir, 'backups')).find((f) => f.startsWith('workspace-manual-')) ?? ''
  damagePages(join(dir, 'workspace.sqlite'))
  const app = await serveWorkspace(dir)
  try {
    await page.goto(app.url)
    await expect(page.getByTestId('recovery-screen')).toBeVisible()
    await expect(page.getByRole('heading')).toHaveText('This workspace is damaged and was not opened')
    await expect(page.getByTestId('recovery-message')).toContainText(`${join(dir, 'workspace.sqlite')} is damaged`)
    await expect(page.getByText(good, { exact: true })).toBeVisible()
    await page.getByTestId('recovery-restore').click()
    // The page reloads into the app, on the restored workspace.
    await page.getByTestId('nav').waitFor()
    await page.getByTestId('nav-channels').click()
    await expect(new TablePage(page, 'channels').rows().first()).toBeVisible()
    const kept = readdirSync(dir).filter((f) => /^workspace\.damaged-.*\.sqlite$/.test(f))
    expect(kept).toHaveLength(1)
  } finally {
    await app.stop()
    removeWorkspace(dir)
  }
})
