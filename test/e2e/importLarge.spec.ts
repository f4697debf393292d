import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { calendarCsv } from '../main/helpers/calendarCsv'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

test('a calendar CSV of several MB imports from the calendar screen, with upload and row progress', async ({ page, app, request }) => {
  const list = async (method: string) =>
    ((await (await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data: {} })).json()) as { data: { items: { name: string }[]; total: number } }).data
  const channels = (await list('channel-list')).items.map((c) => c.name)
  const owners = (await list('member-list')).items.map((m) => m.name)
  // SMO_E2E_IMPORT_ROWS=100000 runs the 17.7 MB calendar by hand; the suite keeps a few MB.
  const rows = Number(process.env.SMO_E2E_IMPORT_ROWS ?? 15_000)
  const n = rows.toLocaleString('en-US')
  test.setTimeout(rows > 20_000 ? 900_000 : 180_000)
  const dir = mkdtempSync(join(tmpdir(), 'smo-e2e-import-'))
  const file = join(dir, 'next-year.csv')
  const csv = calendarCsv(rows, { channels, owners })
  writeFileSync(file, csv)
  const mb = (csv.length / 1_048_576).toFixed(1)
  const before = (await list('content-list')).total
  try {
    const w = new AppPage(page, app)
    await w.open('calendar')
    await page.getByTestId('import-csv').click()
    const wizard = page.getByTestId('import-wizard')
    await wizard.waitFor()
    // A slow link, so the upload's own progress is on screen long enough to see.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1_000_000 })
    await wizard.getByTestId('import-file').setInputFiles(file)
    await expect(wizard.getByTestId('import-progress')).toContainText('Uploading')
    await expect(wizard.getByTestId('import-progress')).toContainText(`of ${mb} MB`)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await expect(wizard.getByTestId('import-next')).toBeEnabled({ timeout: 120_000 })
    await wizard.getByTestId('import-next').click()
    await expect(wizard.getByTestId('import-summary')).toContainText(`All ${n} rows are ready`, { timeout: 120_000 })
    await wizard.getByTestId('import-apply').click()
    await expect(wizard.getByTestId('import-progress')).toContainText(new RegExp(`Checking rows: [\\d,]+ of ${n}|Writing ${n} rows`))
    // Written by its own thread meanwhile: an edit from another tab waits for it and is then saved.
    const edit = request.post(`${app.base}/api/channel-create`, { headers: { authorization: `Bearer ${app.token}` }, data: { name: 'Added during the import', platform: 'blog' } })
    await expect(wizard.getByTestId('import-done')).toContainText(`${n} added`, { timeout: 180_000 })
    expect(((await (await edit).json()) as { ok: boolean }).ok).toBe(true)
    expect((await list('content-list')).total).toBe(before + rows)
    expect((await list('channel-list')).items.map((c) => c.name)).toContain('Added during the import')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
