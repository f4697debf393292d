import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { RecordFormPage } from './pages/RecordFormPage'
import { TablePage } from './pages/TablePage'

test.describe('foundation: records through the browser host', () => {
  test('every screen of the navigation opens', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open()
    for (const screen of ['mine', 'calendar', 'board', 'channels', 'priorities', 'influencers', 'conversations', 'desk', 'goals', 'review', 'members', 'settings']) {
      await w.go(screen)
      await expect(page).toHaveURL(new RegExp(`#/${screen}`))
      await expect(page.locator('main h1').first()).toBeVisible()
    }
  })

  test('create a channel through the form and see it after a reload', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await expect(table.rows().first()).toBeVisible()
    await table.create()
    const form = new RecordFormPage(page, 'channel')
    await form.fill('Name', 'Engineering blog (e2e)')
    await form.choose('Platform', 'Blog')
    await form.fill('Audience', '4200')
    await form.save()
    await expect(form.form).toBeHidden()
    await expect(table.row('Engineering blog (e2e)')).toBeVisible()
    await w.reload()
    await expect(new TablePage(page, 'channels').row('Engineering blog (e2e)')).toBeVisible()
  })

  test('a bad value shows the error at the field and nothing is saved', async ({ page, app, request }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await expect(table.rows().first()).toBeVisible()
    const before = await request.post(`${app.base}/api/channel-list`, { headers: { authorization: `Bearer ${app.token}` }, data: {} })
    const total = ((await before.json()) as { data: { total: number } }).data.total
    await table.create()
    const form = new RecordFormPage(page, 'channel')
    await form.fill('Name', 'Broken channel')
    await form.choose('Platform', 'X')
    await form.fill('Confidence', '7')
    await form.save()
    await expect(form.error('confidence')).toContainText('0.1 to 1')
    await expect(form.form).toBeVisible()
    const after = await request.post(`${app.base}/api/channel-list`, { headers: { authorization: `Bearer ${app.token}` }, data: {} })
    expect(((await after.json()) as { data: { total: number } }).data.total).toBe(total)
  })

  test('the API refuses calls without the token', async ({ request, app }) => {
    const r = await request.post(`${app.base}/api/channel-list`, { data: {} })
    expect(r.status()).toBe(401)
  })
})

test.describe('foundation: editing a channel', () => {
  test("change a channel's expected rate toward a goal; it is kept", async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    const table = new TablePage(page, 'channels')
    await table.row('Northwind blog').dblclick()
    const form = new RecordFormPage(page, 'channel')
    const rate = form.form.getByLabel('Units per 1,000 reached 1')
    await expect(rate).toBeVisible()
    await rate.fill('2.75')
    await form.save()
    await expect(form.form).toBeHidden()
    await w.reload()
    await new TablePage(page, 'channels').row('Northwind blog').dblclick()
    await expect(new RecordFormPage(page, 'channel').form.getByLabel('Units per 1,000 reached 1')).toHaveValue('2.75')
  })
})
