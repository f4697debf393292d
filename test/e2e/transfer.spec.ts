import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { TablePage } from './pages/TablePage'
import { TransferPage } from './pages/TransferPage'

const header = 'Channel,Type,Owner,Audience,Notes'
const bad = [header, 'Partner newsletter,Newsletter,,"4,200",Co-marketing', 'Field events,events,,-30,Booths', 'Data podcast,Podcast,,"1,500",'].join('\n')

test.describe('spreadsheets in and out', () => {
  test('import channels from a CSV: a bad row is named, the fixed file imports, the rows appear', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await expect(table.rows().first()).toBeVisible()
    const before = await table.rows().count()
    const tx = new TransferPage(page, table.root)
    await tx.openImport()
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
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await expect(table.rows().first()).toBeVisible()
    const tx = new TransferPage(page, table.root)
    await tx.openImport()
    const eu = 'Channel;Platform;Followers;Notes\r\nRésumé Café;Blog;1.234;Größe 2,5\r\n'
    await tx.chooseFile('kanäle.csv', Buffer.from([...eu].map((c) => c.charCodeAt(0))))
    await expect(tx.dialect()).toContainText('CSV, semicolon-separated, Windows-1252')
    await expect(tx.dialect()).toContainText('decimal commas')
    await tx.next()
    await expect(tx.summary()).toContainText('All 1 rows are ready: 1 new')
    await tx.importButton().click()
    await expect(page.getByTestId('import-done')).toContainText('1 added')
    await tx.close()
    await expect(table.row('Résumé Café')).toBeVisible()
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
