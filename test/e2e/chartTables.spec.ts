import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { ReviewPage } from './pages/ReviewPage'

// Charts are not only pictures: each has a name that reads out its numbers and a "Show as table"
// toggle with the same numbers, reachable and usable by keyboard.

/** The chart's box and its toggle, around the element with the chart's test id. */
function figure(page: Page, testId: string): { chart: Locator; box: Locator } {
  const chart = page.getByTestId(testId)
  return { chart, box: chart.locator('xpath=..') }
}

/** Opens the table with the keyboard and checks the table's box is the next Tab stop. */
async function showTableByKeyboard(page: Page, box: Locator): Promise<Locator> {
  await box.getByRole('button', { name: 'Show as table' }).focus()
  await page.keyboard.press('Enter')
  await expect(box.getByRole('button', { name: 'Show as chart' })).toBeFocused()
  const region = box.getByRole('region')
  await page.keyboard.press('Tab')
  await expect(region).toBeFocused()
  return region
}

test.describe('charts as tables', () => {
  test('calendar insights: the cadence table holds the numbers the heatmap prints in its cells', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('calendar')
    const insights = page.getByRole('button', { name: 'Insights' })
    if ((await insights.getAttribute('aria-pressed')) !== 'true') await insights.click()
    const { chart, box } = figure(page, 'cadence-heatmap')
    await chart.locator('svg text').first().waitFor()
    const cellLabels = await chart.locator('svg text').allTextContents()
    await expect(chart).toHaveAttribute('role', 'img')
    await expect(chart).toHaveAttribute('aria-label', /^Cadence 20\d\d-Q\d: planned per week against target: .+ planned in \d+ weeks/)

    const region = await showTableByKeyboard(page, box)
    await expect(chart).toBeHidden()
    const table = region.getByRole('table')
    await expect(table.locator('caption')).toHaveText(/^Cadence 20\d\d-Q\d/)
    await expect(table.getByRole('columnheader', { name: 'Channel' })).toBeVisible()
    // The first channel's first week, and its target (the last column): the heatmap's cell reads "planned/target".
    const first = table.locator('tbody tr').first()
    const cells = await first.getByRole('cell').allTextContents()
    const planned = cells[0] ?? ''
    const target = cells.at(-1) ?? ''
    expect(cellLabels).toContain(`${planned}/${target}`)
    await expect(first.getByRole('rowheader')).not.toBeEmpty()

    await box.getByRole('button', { name: 'Show as chart' }).click()
    await expect(chart).toBeVisible()
    await expect(region).toHaveCount(0)
  })

  test('calendar insights: capacity in % per member per week', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('calendar')
    const insights = page.getByRole('button', { name: 'Insights' })
    if ((await insights.getAttribute('aria-pressed')) !== 'true') await insights.click()
    const { chart, box } = figure(page, 'capacity-chart')
    await chart.locator('svg').waitFor()
    await box.getByRole('button', { name: 'Show as table' }).click()
    const table = box.getByRole('table')
    await expect(table.getByRole('columnheader', { name: 'Capacity (%)' })).toBeVisible()
    await expect(table.locator('tbody tr').first().getByRole('cell').last()).toHaveText('100%')
    await expect(chart).toHaveAttribute('aria-label', /Capacity 100% throughout\./)
  })

  test('review: a slide chart as a table, with the numbers of its alt text; thumbnails named by their visible label', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('review')
    const review = new ReviewPage(page)
    await expect(review.thumbnails().first()).toHaveAccessibleName(/^Slide 1: .+quarterly review/)
    await review.openSlide(/Slide \d+: Next quarter: where the hours go/)
    const slideChart = review.largeSlide().locator('.slide-chart')
    await expect(slideChart).toHaveAttribute('aria-label', /^Bar chart\. Hours per week by channel: /)
    await review.largeSlide().getByRole('button', { name: 'Show “Hours per week by channel” as table' }).click()
    const table = review.largeSlide().getByRole('table', { name: 'Hours per week by channel' })
    const row = table.locator('tbody tr').first()
    const channel = (await row.getByRole('rowheader').textContent()) ?? ''
    const heads = await table.locator('thead th').allTextContents()
    const values = await row.getByRole('cell').allTextContents()
    expect(values.length).toBe(heads.length - 1)
    // "Blog: 2026-Q3 (now) 6, 2026-Q4 (proposed) 9" — the same numbers in the chart's name and the table.
    const spoken = values.map((v, i) => `${heads[i + 1] ?? ''} ${v}`).join(', ')
    await expect(slideChart).toHaveAttribute('aria-label', new RegExp(escape(`${channel}: ${spoken}`)))
  })
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
