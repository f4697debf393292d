import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { TablePage } from './pages/TablePage'
import { TransferPage } from './pages/TransferPage'
import type { Served } from './serveWorkspace'

const header = 'Channel,Type,Owner,Audience,Notes'
const bad = [header, 'Partner newsletter,Newsletter,,"4,200",Co-marketing', 'Field events,events,,-30,Booths', 'Data podcast,Podcast,,"1,500",'].join('\n')

/** The Channels screen with its table drawn and the import dialog open; `before` is the row count. */
async function openChannelImport(page: Page, app: Served): Promise<{ table: TablePage; tx: TransferPage; before: number }> {
  await new AppPage(page, app).open('channels')
  const table = new TablePage(page, 'channels')
  await expect(table.rows().first()).toBeVisible()
  const before = await table.rows().count()
  const tx = new TransferPage(page, table.root)
  await tx.openImport()
  return { table, tx, before }
}

test.describe('spreadsheets in and out', () => {
  test('import channels from a CSV: a bad row is named, the fixed file imports, the rows appear', async ({ page, app }) => {
    const { table, tx, before } = await openChannelImport(page, app)
    await tx.chooseFile('new-channels.csv', bad)
    // Guessed from the headers: Type and Audience are the screen's names; Channel needs a hand.
    await expect(tx.fieldFor('Audience')).toHaveValue('audienceSize')
    await expect(tx.fieldFor('Notes')).toHaveValue('notes')
    await tx.fieldFor('Channel').selectOption('name')
    await tx.fieldFor('Type').selectOption('platform')
    await tx.next()
    await expect(tx.summary()).toContainText('1 problem in 3 rows')
    await expect(tx.problems()).toHaveText(['Row 3, Audience size: Must not be negative (column “Audience”)'])
    await expect(tx.importButton()).toBeDisabled()
    await tx.chooseFile('new-channels.csv', bad.replace('-30', '300'))
    await expect(tx.summary()).toContainText('All 3 rows are ready: 3 new channels')
    await tx.importButton().click()
    await expect(page.getByTestId('import-done')).toContainText('3 added')
    await tx.close()
    await expect(table.row('Field events')).toBeVisible()
    await expect(table.rows()).toHaveCount(before + 3)
  })

  test('an Excel file from a European locale (semicolons, Windows-1252, decimal commas) imports without hand-editing, and the dialog says how it read it', async ({ page, app }) => {
    const { table, tx } = await openChannelImport(page, app)
    const eu = 'Channel;Platform;Followers;Notes\r\nRésumé Café;Blog;1.234;Größe 2,5\r\n'
    await tx.chooseFile('kanäle.csv', Buffer.from([...eu].map((c) => c.charCodeAt(0))))
    await expect(tx.dialect()).toContainText('CSV, semicolon-separated, Windows-1252')
    await expect(tx.dialect()).toContainText('decimal commas')
    await tx.next()
    await expect(tx.summary()).toContainText('The 1 row is ready: 1 new channel.')
    await tx.importButton().click()
    await expect(page.getByTestId('import-done')).toContainText('1 added')
    await tx.close()
    await expect(table.row('Résumé Café')).toBeVisible()
  })

  test('other tools’ words for a platform import as is, and "Undo this import" takes the import back from the dialog', async ({ page, app }) => {
    const { table, tx, before } = await openChannelImport(page, app)
    await tx.chooseFile('scheduler-profiles.csv', 'Name,Platform\nNorthwind on TikTok,TikTok\nNorthwind X,Twitter\n')
    await tx.next()
    await expect(tx.summary()).toContainText('All 2 rows are ready: 2 new channels')
    await tx.importButton().click()
    const done = page.getByTestId('import-done')
    await expect(done).toContainText('2 added')
    await tx.close()
    await expect(table.row('Northwind on TikTok')).toContainText('TikTok')
    await expect(table.row('Northwind X')).toContainText('X')
    await expect(table.rows()).toHaveCount(before + 2)
    // Again, and this time taken back from the dialog (the Channels screen has no Undo button of its own).
    await tx.openImport()
    await tx.chooseFile('more-profiles.csv', 'Name,Platform\nNorthwind on Bluesky,bsky\n')
    await tx.next()
    await tx.importButton().click()
    await expect(done).toContainText('1 added')
    await done.getByTestId('import-undo').click()
    await expect(done).toContainText('The import of more-profiles.csv was taken back.')
    await expect(done).toContainText('1 added record is removed.')
    await tx.close()
    await expect(table.row('Northwind on Bluesky')).toHaveCount(0)
    await expect(table.rows()).toHaveCount(before + 2)
  })

  test('no file at hand: a Hootsuite sheet and a GA4 export made from the workspace try the imports', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('calendar')
    await page.getByTestId('import-csv').click()
    const tx = new TransferPage(page, page.getByTestId('import-wizard'))
    await tx.wizard.getByTestId('sample-hootsuite-bulk-schedule.csv').click()
    await expect(tx.dialect()).toContainText('Hootsuite bulk composer columns')
    await tx.next()
    await expect(tx.summary()).toContainText('All 6 rows are ready: 6 new content items')
    await tx.wizard.getByRole('button', { name: 'Close' }).click()

    await page.getByTestId('nav-goals').click()
    await page.getByTestId('results-open').click()
    const dialog = page.getByTestId('results-dialog')
    await dialog.getByTestId('sample-ga4-traffic-acquisition.csv').click()
    await expect(dialog.getByTestId('results-picked')).toContainText('ga4-traffic-acquisition.csv')
    const preview = dialog.getByTestId('results-preview')
    await expect(preview).toContainText(/Google Analytics 4 · web sessions · \d+ rows: \d+ matched/)
    await expect(preview).toContainText('tracking parameters (source, medium, campaign, content) and landing page')
    await expect(preview.getByTestId('results-unmatched')).toContainText('campaign "reseller-q4-push" is unknown')
    // A preview writes nothing.
    await expect(dialog.getByTestId('results-confirm')).toBeEnabled()
  })

  test('export the filtered, sorted table as the CSV it shows', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await table.search('blog')
    await expect(table.count()).toContainText(' of ')
    await expect.poll(async () => (await table.rows().allTextContents()).every((t) => /blog/i.test(t))).toBe(true)
    const shown = await table.rows().count()
    const tx = new TransferPage(page, table.root)
    const file = await tx.exportCsv()
    expect(file.name).toMatch(/^channels-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = file.text.trim().split('\r\n')
    expect(lines[0]).toBe('Id,Name,Platform,Status,Owner,Owner id,Audience,Posts / week,Hours / post,Cost / month,Confidence')
    expect(lines).toHaveLength(shown + 1)
    expect(lines[1]).toMatch(/^[0-9A-Z]{26},[^,]*blog/i)
    // Values as shown (thousands separators, labels), and the owner's id beside the name.
    expect(file.text).toMatch(/"\d{1,3},\d{3}"/)
    // Other specs in this worker share the workspace and may have added owner-less blogs: check the demo's own blog.
    expect(lines.find((l) => l.includes(',Northwind blog,'))).toMatch(/,Blog,Active,[^,]+,[0-9A-Z]{26},/)
  })

  test('export the filtered table as an Excel workbook and as CSV for a European Excel', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await table.search('blog')
    await expect(table.count()).toContainText(' of ')
    // The search filters after a short pause: count the rows once every one shown matches it.
    await expect.poll(async () => (await table.rows().allTextContents()).every((t) => /blog/i.test(t))).toBe(true)
    const shown = await table.rows().count()
    const tx = new TransferPage(page, table.root)
    const xlsx = await tx.exportFile('export-xlsx')
    expect(xlsx.name).toMatch(/^channels-\d{4}-\d{2}-\d{2}\.xlsx$/)
    // A zip holding a workbook (the backend tests look inside).
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(xlsx.bytes.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true)
    const eu = await tx.exportFile('export-csv-eu')
    expect(eu.name).toMatch(/^channels-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = eu.bytes.toString('latin1').trim().split('\r\n')
    expect(lines[0]).toBe('Id;Name;Platform;Status;Owner;Owner id;Audience;Posts / week;Hours / post;Cost / month;Confidence')
    expect(lines).toHaveLength(shown + 1)
    // Numbers as numbers with a decimal comma (no thousands separators), not the text shown.
    expect(lines.find((l) => l.includes(';Northwind blog;'))).toMatch(/;Blog;Active;[^;]+;[0-9A-Z]{26};\d+;[\d,]+;[\d,]+;[\d,]*;0,\d+$/)
    await expect(table.root.getByTestId('export-problem')).toHaveCount(0)
  })
})
