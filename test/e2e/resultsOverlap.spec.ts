import { readFileSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { axeScan, describeFindings } from './pages/axeScan'
import type { Served } from './serveWorkspace'

// Issue #15 item 4: a fresher GA4 export of days already imported from another file replaces those
// numbers, and the preview says so, naming the earlier file and the days, before anything is written.

async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
  return ((await r.json()) as { data: T }).data
}

const ga4 = readFileSync(new URL('../fixtures/results/ga4-traffic-acquisition.csv', import.meta.url), 'utf8')

test('a GA4 export overlapping an earlier one says which numbers it replaces', async ({ page, app, request }) => {
  await call(request, app, 'results-import', { fileName: 'ga4-november.csv', text: ga4 })
  const fresher = ga4.replace(',400,300,10,0', ',450,320,11,0')
  const w = new AppPage(page, app)
  await w.open('goals')
  await page.getByTestId('results-open').click()
  const dialog = page.getByTestId('results-dialog')
  await dialog.getByTestId('results-file').setInputFiles({ name: 'ga4-november-fresh.csv', mimeType: 'text/csv', buffer: Buffer.from(fresher) })
  const replaced = dialog.getByTestId('results-replaced')
  await expect(replaced).toContainText('This file covers 1 Nov 2026 – 30 Nov 2026')
  await expect(replaced).toContainText('numbers from ga4-november.csv (3 Nov 2026 – 6 Nov 2026)')
  await expect(replaced).toContainText('replaced by this file')
  const inDialog = await axeScan(page, '[data-testid="results-dialog"]')
  expect(inDialog, describeFindings(inDialog)).toEqual([])
})
