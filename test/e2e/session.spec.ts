import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { TablePage } from './pages/TablePage'

test.describe('browser host session: every tab works', () => {
  test('after the printed link, the bare address works in a second tab and on reload; the token never stays in the address', async ({ page, context, app }) => {
    const w = new AppPage(page, app)
    await w.open('channels')
    await expect(page).toHaveURL(`${app.base}/#/channels`)
    await expect(new TablePage(page, 'channels').rows().first()).toBeVisible()

    // A second tab, opened at the address without the token (a bookmark, a pasted link).
    const second = await context.newPage()
    await second.goto(`${app.base}/#/channels`)
    await second.getByTestId('nav').waitFor()
    await expect(new TablePage(second, 'channels').rows().first()).toBeVisible()
    await expect(second.getByTestId('banner-unauthorized')).toHaveCount(0)
    await second.reload()
    await expect(new TablePage(second, 'channels').rows().first()).toBeVisible()
    await second.close()

    const history = await page.evaluate(() => location.href)
    expect(history).not.toContain('token')
  })

  test('a browser that never opened the printed link is told to open it', async ({ browser, app }) => {
    const stranger = await browser.newContext()
    const page = await stranger.newPage()
    const res = await page.goto(`${app.base}/`)
    expect(res?.status()).toBe(401)
    await expect(page.getByRole('heading')).toContainText('Open SMO Desk from the link smo serve printed')
    await stranger.close()
  })
})
