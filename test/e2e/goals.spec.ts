import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

test.describe('goals: progress cards', () => {
  test('shows a card per goal with status, rule, chart and contributions; the records view is one click away', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('goals')
    const cards = page.getByTestId('goal-card')
    await expect(cards.first()).toBeVisible()
    const n = await cards.count()
    expect(n).toBeGreaterThan(1)
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i)
      await expect(card.getByTestId('goal-status')).toHaveText(/^(On track|At risk|Off track|Achieved|Missed|No data|Not started)$/)
      await expect(card).toContainText('Rule:')
      await expect(card.getByTestId('goal-progress-chart').locator('svg')).toBeVisible()
      await expect(card.getByRole('table')).toContainText('Contributing channels')
    }
    // The demo's efficiency goal is linked to no channel: its card says the plan does not predict it, and
    // only such cards say so.
    const unmoved = cards.filter({ hasText: 'Hours saved per published piece' })
    await expect(unmoved.getByTestId('goal-not-moved')).toContainText('Priorities does not predict it from the plan')
    await expect(cards.filter({ hasText: 'Qualified demo requests' }).getByTestId('goal-not-moved')).toHaveCount(0)
    await page.getByText('Records', { exact: true }).click()
    await expect(page.getByRole('region', { name: 'Goals', exact: true })).toBeVisible()
  })
})
