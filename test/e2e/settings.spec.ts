import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

test.describe('settings: team profile and publishing policy', () => {
  test('rename the team, see the new name in the window; a bad currency is refused at the field', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('settings')
    const card = page.getByTestId('workspace-profile')
    await expect(card.getByLabel('Team or company name')).toHaveValue('Northwind Analytics')
    await card.getByLabel('Team or company name').fill('Northwind Marketing')
    await card.getByRole('button', { name: 'Save team details' }).click()
    await expect(page.getByTestId('nav')).toContainText('Northwind Marketing')
    // Before saving another currency, the form says nothing is converted.
    await card.getByLabel('Currency').fill('USD')
    await expect(card).toContainText('Saving USD converts nothing: every amount already entered')
    await card.getByLabel('Currency').fill('euros')
    await card.getByRole('button', { name: 'Save team details' }).click()
    await expect(card.getByTestId('profile-error-currency')).toContainText('three-letter')
    await w.reload()
    await expect(page.getByTestId('nav')).toContainText('Northwind Marketing')
  })

  test('add a checklist point; it is kept after a reload', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('settings')
    const card = page.getByTestId('policy-card')
    await card.getByLabel('New checklist point').fill('Legal reviewed customer claims')
    await card.getByRole('button', { name: 'Add point' }).click()
    // The first save creates the policy record; the card then reloads it. The note must outlive that.
    const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/calendar-policy-get'))
    await card.getByRole('button', { name: 'Save policy' }).click()
    await reloaded
    await expect(card.getByLabel('Checklist point 6')).toHaveValue('Legal reviewed customer claims')
    await expect(card.getByText('Saved.')).toBeVisible()
    await w.reload()
    await expect(page.getByTestId('policy-card').getByLabel('Checklist point 6')).toHaveValue('Legal reviewed customer claims')
  })
})
