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

test('columns show counts and share the calendar filter', async ({ page, app, request }) => {
  const board = new AppPage(page, app)
  await board.open('board')
  await expect(page.getByTestId('board-col')).toHaveCount(7)
  await page.getByTestId('planner-search').fill('zzzz-no-such-title')
  await expect(page.locator('[data-testid="board-col"][data-status="draft"]').getByTestId('col-count')).toHaveText('0')
  await page.getByTestId('filter-clear').click()
  // The filter is kept in per-machine settings (debounced); wait until the cleared one is saved so the
  // next test in this file starts unfiltered.
  await expect
    .poll(async () => {
      const r = await request.post(`${app.base}/api/settings-get`, { headers: { authorization: `Bearer ${app.token}` }, data: {} })
      const ui = ((await r.json()) as { data: { ui: { planner?: { filter?: { q?: string } } } } }).data.ui
      return ui.planner?.filter?.q ?? ''
    })
    .toBe('')
})

test('quick edit from the card menu and keyboard moves between columns', async ({ page, app }) => {
  const board = new AppPage(page, app)
  await board.open('board')
  // Tests in a file share one workspace, and the filter is kept across reloads on purpose: a filter
  // left by an earlier test (its clear still being saved) is cleared before starting.
  const ideaCount = page.locator('[data-testid="board-col"][data-status="idea"]').getByTestId('col-count')
  await expect(ideaCount).toHaveText(/\d+/)
  const clear = page.getByTestId('filter-clear')
  if (await clear.isVisible()) await clear.click()
  await expect(ideaCount).not.toHaveText('0')
  const idea = page.locator('[data-testid="board-col"][data-status="idea"]')
  const draft = page.locator('[data-testid="board-col"][data-status="draft"]')
  const card = idea.getByTestId('board-card').first()
  const id = (await card.getAttribute('data-id')) ?? ''
  await card.hover()
  await card.getByTestId('card-menu').click()
  await expect(page.getByTestId('card-pop')).toBeVisible()
  // On the first column the menu stays inside the content area, not over the navigation.
  const pop = await page.getByTestId('card-pop').boundingBox()
  const main = await page.locator('main').boundingBox()
  expect(pop !== null && main !== null && pop.x >= main.x).toBe(true)
  await page.getByTestId('quick-status').selectOption('draft')
  await expect(draft.locator(`[data-id="${id}"]`)).toBeVisible()
  await expect(page.getByTestId('card-pop')).toHaveCount(0)
  await draft.locator(`[data-id="${id}"]`).focus()
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(idea.locator(`[data-id="${id}"]`)).toBeVisible()
  await expect(idea.getByTestId('col-effort')).toContainText('h effort')
  // The columns fill the window's height and all seven fit at 1400 px.
  const col = await idea.boundingBox()
  expect((col?.y ?? 0) + (col?.height ?? 0)).toBeGreaterThan(820)
  const last = await page.locator('[data-testid="board-col"][data-status="cancelled"]').boundingBox()
  expect((last?.x ?? 2000) + (last?.width ?? 0)).toBeLessThanOrEqual(1400)
})
