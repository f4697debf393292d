import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { axeScan, describeFindings } from './pages/axeScan'

// Issue #15 item 4: a CRM that counts in dollars and a team that counts in euros (the demo's). The
// preview refuses the dollar deals until the team has a rate, takes the rate without leaving the
// dialog, then imports them converted; the rate is the team's (Settings → Team) and the ledger shows
// what the export said beside the converted number.

const deals = [
  'Record ID,Deal Name,Deal Stage,Amount,Currency,Create Date,Close Date,UTM Source,UTM Medium,UTM Campaign',
  `77001,Acme renewal,Closed won,10000,USD,${new Date().toISOString().slice(0, 10)} 10:15,${new Date().toISOString().slice(0, 10)},linkedin,social,nowhere`,
  `77002,Globex,Contract sent,8000,EUR,${new Date().toISOString().slice(0, 10)} 09:00,,linkedin,social,nowhere`
].join('\n')

test('deals in dollars: the preview asks for the rate, the import converts them, Settings keeps the rate', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('results')
  await page.getByTestId('results-open').click()
  const dialog = page.getByTestId('results-dialog')
  await dialog.getByTestId('results-file').setInputFiles({ name: 'deals-usd.csv', mimeType: 'text/csv', buffer: Buffer.from(deals) })
  await expect(dialog.getByTestId('results-errors')).toContainText('Row 2, column “Currency”: The amount is in USD and the team counts in EUR')
  await expect(dialog.getByTestId('results-confirm')).toBeDisabled()
  const ask = dialog.getByTestId('missing-rates')
  await expect(ask).toContainText('The file counts money in USD, and the team counts in EUR')
  const findings = await axeScan(page, '[data-testid="results-dialog"]')
  expect(findings, describeFindings(findings)).toEqual([])
  await ask.getByLabel('1 USD =').fill('0,9')
  await ask.getByTestId('missing-rates-save').click()
  await expect(dialog.getByTestId('results-money')).toHaveText('Amounts in EUR: 2 converted from USD at 0.9.')
  await expect(dialog.getByTestId('results-errors')).toHaveCount(0)
  await expect(dialog.getByText('Closed revenue: €9,000 in the file')).toBeVisible()
  await dialog.getByTestId('results-confirm').click()
  await page.getByTestId('results-done').waitFor()

  // The numbers behind "outside any campaign" (utm_campaign "nowhere"): the converted amount and the export's.
  await page.getByTestId('table-results-campaign').getByRole('row').filter({ hasText: 'Outside any campaign' }).click()
  await expect(page.getByTestId('table-results-ledger').getByRole('row').filter({ hasText: 'deals-usd.csv' }).filter({ hasText: '€9,000 (10,000 USD)' })).toHaveCount(2)

  await w.open('settings')
  const rates = page.getByTestId('exchange-rates')
  await expect(rates.getByLabel('Currency of rate 1')).toHaveValue('USD')
  await expect(rates.getByLabel('What 1 USD is worth in EUR')).toHaveValue('0.9')
  // A second rate for the same currency is refused at its row; nothing is saved.
  await rates.getByTestId('rate-add').click()
  await rates.getByLabel('Currency of rate 2').fill('usd')
  await rates.getByLabel('What 1 USD is worth in EUR').nth(1).fill('1')
  await page.getByTestId('workspace-profile').getByRole('button', { name: 'Save team details' }).click()
  await expect(rates.getByTestId('rate-error')).toHaveText('USD has a rate already (row 1)')
  await rates.getByRole('button', { name: 'Remove the USD rate' }).nth(1).click()
  await rates.getByTestId('rate-add').click()
  await rates.getByLabel('Currency of rate 2').fill('GBP')
  await rates.getByLabel('What 1 GBP is worth in EUR').fill('1.17')
  await page.getByTestId('workspace-profile').getByRole('button', { name: 'Save team details' }).click()
  await expect(page.getByTestId('workspace-profile').getByText('Saved.')).toBeVisible()
  const onSettings = await axeScan(page, '[data-testid="workspace-profile"]')
  expect(onSettings, describeFindings(onSettings)).toEqual([])
  await w.reload()
  await expect(page.getByTestId('exchange-rates').getByTestId('rate-row')).toHaveCount(2)
  await expect(page.getByTestId('exchange-rates').getByLabel('What 1 GBP is worth in EUR')).toHaveValue('1.17')
  // A rate for the team's own currency is refused by the backend, at its own row even behind an empty one.
  const again = page.getByTestId('exchange-rates')
  await again.getByTestId('rate-add').click()
  await again.getByTestId('rate-add').click()
  await again.getByLabel('Currency of rate 4').fill('EUR')
  await again.getByLabel('What 1 EUR is worth in EUR').fill('1')
  await page.getByTestId('workspace-profile').getByRole('button', { name: 'Save team details' }).click()
  await expect(again.getByTestId('rate-row').nth(3).getByTestId('rate-error')).toHaveText("EUR is the team's own currency: it needs no exchange rate")
  await expect(again.getByTestId('rate-error')).toHaveCount(1)
})
