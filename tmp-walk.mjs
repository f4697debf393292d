import { chromium } from '@playwright/test'
import { writeFileSync } from 'node:fs'
const url = process.argv[2]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()) })
await page.goto(url)
await page.getByTestId('nav').waitFor()
const dlg = page.getByRole('dialog')
await dlg.getByRole('combobox').selectOption({ label: 'Hannah Vogel — Head of Marketing (Owner)' })
await dlg.getByRole('button', { name: 'Continue as this member' }).click()
await page.getByTestId('nav-channels').click()
await page.waitForTimeout(800)
writeFileSync('/tmp/walk/channels.csv', 'Name;Platform;Owner;Followers\nNorthwind TikTok;tiktok;Priya;1.200\nNorthwind Threads;threads;Jonas;850\n')
await page.getByTestId('import-csv').click()
const wiz = page.getByTestId('import-wizard')
await wiz.getByTestId('import-file').setInputFiles('/tmp/walk/channels.csv')
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/walk/02-columns.png' })
await wiz.getByTestId('import-next').click()
await page.waitForTimeout(1000)
await page.screenshot({ path: '/tmp/walk/03-check.png' })
if (await wiz.getByTestId('import-apply').isEnabled()) {
  await wiz.getByTestId('import-apply').click()
  await wiz.getByTestId('import-done').waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: '/tmp/walk/04-done.png' })
}
await browser.close()
