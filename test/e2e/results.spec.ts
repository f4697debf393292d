import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

// Issue #15 item 4, "proof of what it achieved": the Results screen sums the outcome ledger per
// campaign, channel or item beside what each cost, and lists the numbers behind a chosen row with the
// file, row and rule each came from. The demo starts with a ledger (its months before the samples).

test.describe.configure({ mode: 'serial' })

test('results per campaign with their cost in the team’s currency, the numbers behind a row, and what matched nothing', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('results')
  const summary = page.getByTestId('results-summary')
  await expect(summary).toContainText(/\d+ numbers from .* Sessions [\d,]+/)
  await expect(summary).toContainText('matched nothing')
  const groups = page.getByTestId('table-results-campaign')
  // The campaign with the most numbers comes first (the demo's dates move with today).
  const first = groups.locator('[data-row-id]').first()
  const name = (await first.locator('[role="gridcell"]').first().innerText()).trim()
  expect(name).not.toBe('Outside any campaign')
  // Cost in euros, the demo team's currency (Settings → Team).
  await expect(first).toContainText('€')
  await expect(groups.getByRole('row').filter({ hasText: 'Outside any campaign' })).toHaveCount(1)

  const ledger = page.getByTestId('table-results-ledger')
  await expect(page.getByTestId('results-ledger').getByRole('heading')).toContainText('Every number in the period')
  await first.click()
  const full = (await page.getByTestId('results-ledger').getByRole('heading').innerText()).match(/The numbers behind “(.+)”/)?.[1] ?? ''
  expect(full.startsWith(name.replace(/…$/, ''))).toBe(true)
  const behind = ledger.locator('[data-row-id]')
  await expect(behind.first()).toBeVisible()
  // Every number behind the row is the campaign's, with its file and how it was matched.
  const texts = await behind.allInnerTexts()
  expect(texts.length).toBeGreaterThan(0)
  for (const t of texts) {
    expect(t).toContain(full.slice(0, 12))
    expect(t).toMatch(/ga4-traffic-acquisition-|hubspot-deals-/)
  }
  await groups.getByRole('row').filter({ hasText: 'Outside any campaign' }).click()
  await expect(ledger.getByRole('row').filter({ hasText: 'Not matched: no utm_campaign and no landing page' }).first()).toBeVisible()
})

test('by channel and by quarter, and a new export from the same screen adds to the sums', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('results')
  const summary = page.getByTestId('results-summary')
  await expect(summary).toContainText('numbers from')
  const before = Number((/^([\d,]+) numbers/.exec((await summary.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''))
  expect(before).toBeGreaterThan(0)
  await page.locator('label', { has: page.getByTestId('results-by-channel') }).click()
  await expect(page.getByTestId('results-by-channel')).toBeChecked()
  await expect(page.getByTestId('table-results-channel').getByRole('row').filter({ hasText: 'No channel' })).toHaveCount(1)
  // A quarter of the ledger: the sentence names its days.
  const period = page.getByTestId('results-period')
  const quarter = await period.locator('option').nth(1).getAttribute('value')
  expect(quarter).toMatch(/^\d{4}-Q[1-4]$/)
  await period.selectOption(quarter ?? '')
  await expect(summary).not.toContainText(`${before.toLocaleString('en-US')} numbers`)
  await period.selectOption('')
  await expect(summary).toContainText(`${before.toLocaleString('en-US')} numbers`)
  // The GA4 sample (the four weeks after the demo's ledger) through the screen's own Import results….
  await page.getByTestId('results-open').click()
  await page.getByTestId('sample-ga4-traffic-acquisition.csv').click()
  await page.getByTestId('results-preview').waitFor()
  await page.getByTestId('results-confirm').click()
  await page.getByTestId('results-done').waitFor()
  await expect(summary).not.toContainText(`${before.toLocaleString('en-US')} numbers`)
  const after = Number((/^([\d,]+) numbers/.exec((await summary.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''))
  expect(after).toBeGreaterThan(before)
})

test('a large ledger shows its newest numbers and says how many more there are', async ({ page, app, request }) => {
  // 2,000 GA4 rows of three metrics each: with the demo's own, more than the table's 5,000.
  const lines = ['Date,Session source,Session medium,Session campaign,Landing page + query string,Sessions,Engaged sessions,Key events']
  for (let i = 0; i < 2000; i++) lines.push(`2026-10-${String(1 + (i % 28)).padStart(2, '0')},partner-${i},referral,(not set),/p/${i},${1 + (i % 50)},${i % 20},${1 + (i % 3)}`)
  const r = await request.post(`${app.base}/api/results-import`, { headers: { authorization: `Bearer ${app.token}` }, data: { fileName: 'ga4-partners.csv', text: lines.join('\n'), format: 'ga4' } })
  expect(r.ok(), await r.text()).toBe(true)
  const w = new AppPage(page, app)
  await w.open('results')
  const cap = page.getByTestId('results-ledger-cap')
  await expect(cap).toContainText(/^Showing the newest 5,000 of [\d,]+; choose a row or a quarter above to narrow the list\.$/)
  const total = Number((/of ([\d,]+);/.exec((await cap.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''))
  expect(total).toBeGreaterThan(6000)
  await expect(page.getByTestId('table-results-ledger').getByTestId('row-count')).toContainText('5,000')
})
