import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { axeScan, describeFindings } from './pages/axeScan'
import type { Served } from './serveWorkspace'

async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
  return ((await r.json()) as { data: T }).data
}

const channelCount = async (request: APIRequestContext, app: Served) => (await call<{ total: number }>(request, app, 'channel-list', {})).total

test('restore a backup from Settings after seeing what it holds, then undo the restore; a newer JSON export is refused', async ({ page, app, request }) => {
  test.setTimeout(120_000)
  const w = new AppPage(page, app)
  await w.open('settings')
  // The badge of a browser tab: the title carries My work's count ("(3) SMO Desk — name").
  const waiting = (await page.getByTestId('nav-count-mine').textContent())?.trim() ?? ''
  expect(Number(waiting)).toBeGreaterThan(0)
  await expect(page).toHaveTitle(new RegExp(`^\\(${waiting}\\) SMO Desk — `))
  const card = page.getByTestId('backups')
  await card.getByTestId('backup-now').click()
  await expect(card.getByRole('status')).toContainText('Backed up to workspace-manual-')
  const channels = await channelCount(request, app)

  // Work done after the backup: one channel deleted.
  const first = (await call<{ items: { id: string }[] }>(request, app, 'channel-list', {})).items[0]?.id
  await call(request, app, 'channel-delete', { id: first })
  expect(await channelCount(request, app)).toBe(channels - 1)

  await card.getByTestId('backup-list').getByRole('row').filter({ hasText: 'workspace-manual-' }).getByTestId('restore-backup').click()
  const dialog = page.getByTestId('restore-dialog')
  await expect(dialog.getByRole('heading')).toHaveText('Restore this backup?')
  await expect(dialog).toContainText('by this version of SMO Desk')
  await expect(dialog.getByTestId('restore-counts').getByRole('row').filter({ hasText: 'Channels' })).toContainText(String(channels))
  const found = await axeScan(page, '[data-testid="restore-dialog"]')
  expect(found, `axe on the restore dialog:\n${describeFindings(found)}`).toEqual([])
  await dialog.getByTestId('restore-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(card.getByTestId('restore-done')).toContainText('Restored workspace-manual-')
  expect(await channelCount(request, app)).toBe(channels)

  // One click goes back (through the same confirmation).
  await card.getByTestId('restore-undo').click()
  await expect(dialog.getByTestId('restore-counts').getByRole('row').filter({ hasText: 'Channels' })).toContainText(String(channels - 1))
  await dialog.getByTestId('restore-confirm').click()
  await expect(dialog).toBeHidden()
  expect(await channelCount(request, app)).toBe(channels - 1)

  // A JSON export from a newer SMO Desk: refused in a sentence before any button, nothing changed.
  const exported = await call<{ json: string }>(request, app, 'export-json', {})
  const newer = { ...(JSON.parse(exported.json) as object), schemaVersion: 999 }
  await card.getByTestId('restore-json-file').setInputFiles({ name: 'from-the-future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) })
  await expect(dialog.getByTestId('restore-error')).toContainText('from-the-future.json was written by a newer SMO Desk (schema 999')
  await expect(dialog.getByTestId('restore-confirm')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await channelCount(request, app)).toBe(channels - 1)
})
