import { chromium } from '@playwright/test'
const url = process.argv[2]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()) })
await page.goto(url)
await page.getByTestId('nav').waitFor()
const dlg = page.getByRole('dialog')
await dlg.getByRole('combobox').selectOption({ label: 'Hannah Vogel — Head of Marketing (Owner)' })
await dlg.getByRole('button', { name: 'Continue as this member' }).click()
for (const s of ['desk']) {
  await page.getByTestId('nav-' + s).click()
  await page.waitForTimeout(1500)
  await page.screenshot({ path: `/tmp/walk/s-${s}.png` })
}
await browser.close()
