import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

test('moving a card to approved without the checklist is refused and the card stays', async ({ page, app }) => {
  const board = new AppPage(page, app)
  await board.open('board')
  const draftCol = page.locator('[data-testid="board-col"][data-status="draft"]')
  const approvedCol = page.locator('[data-testid="board-col"][data-status="approved"]')
  await expect(draftCol.getByTestId('col-count')).not.toHaveText('0')
  const card = draftCol.getByTestId('board-card').first()
  const id = await card.getAttribute('data-id')
  const before = await approvedCol.getByTestId('col-count').textContent()
  await card.dragTo(approvedCol)
  await expect(page.getByTestId('toast')).toContainText(/checklist is not complete|approver/i)
  await expect(draftCol.locator(`[data-id="${id}"]`)).toBeVisible()
  await expect(approvedCol.getByTestId('col-count')).toHaveText(before ?? '')
})

test('columns show counts and share the calendar filter', async ({ page, app }) => {
  const board = new AppPage(page, app)
  await board.open('board')
  await expect(page.getByTestId('board-col')).toHaveCount(7)
  await page.getByTestId('planner-search').fill('zzzz-no-such-title')
  await expect(page.locator('[data-testid="board-col"][data-status="draft"]').getByTestId('col-count')).toHaveText('0')
  await page.getByTestId('filter-clear').click()
})
