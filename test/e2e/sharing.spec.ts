import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import type { Served } from './serveWorkspace'

// Issue #14 items 5–7: comment with an @mention, the named member sees it in their inbox; apply a
// workback template and tick a task off.
async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  const body = (await r.json()) as { ok: boolean; data: T }
  expect(body.ok, method).toBe(true)
  return body.data
}

test('a comment with an @mention reaches the named member, and a template plans the item', async ({ page, app, request }) => {
  const shell = new AppPage(page, app)
  await shell.open('board')
  // An idea without tasks yet (once the cards' task counts have loaded).
  await expect(page.getByTestId('card-tasks').first()).toBeVisible()
  const card = page.locator('[data-testid="board-col"][data-status="idea"] [data-testid="board-card"]:not(:has([data-testid="card-tasks"]))').first()
  const id = (await card.getAttribute('data-id')) ?? ''
  await card.click()
  const panel = page.getByTestId('item-panel')

  // Comment, picking the teammate from the @ suggestions.
  const box = panel.getByTestId('comment-input')
  await box.fill('Can @pri')
  await panel.getByTestId('mention-option').filter({ hasText: 'Priya Raman' }).click()
  await expect(box).toHaveValue('Can @Priya Raman ')
  await box.pressSequentially('check the hook?')
  await panel.getByTestId('comment-send').click()
  const thread = panel.getByTestId('comment-thread')
  await expect(thread).toHaveCount(1)
  await expect(thread.locator('.mention')).toHaveText('@Priya Raman')
  await expect(box).toHaveValue('')

  // Apply the blog workback: five tasks, then tick the first off.
  await panel.getByTestId('template-select').selectOption({ label: 'Blog article workback (5 steps)' })
  await panel.getByTestId('template-apply').click()
  await expect(panel.getByTestId('task')).toHaveCount(5)
  await expect(panel.getByTestId('tasks-count')).toHaveText('(0/5 done)')
  await panel.getByTestId('task').first().getByRole('checkbox').click()
  await expect(panel.getByTestId('tasks-count')).toHaveText('(1/5 done)')
  await expect(page.locator(`[data-testid="board-card"][data-id="${id}"] [data-testid="card-tasks"]`)).toHaveText('✓ 1/5')

  // Priya on this computer: the mention is in her inbox, unread; opening it marks it read.
  const members = await call<{ items: { id: string; name: string }[] }>(request, app, 'member-list', { q: 'Priya' })
  const priya = members.items.find((m) => m.name === 'Priya Raman')?.id ?? ''
  await call(request, app, 'me-set', { memberId: priya })
  await shell.reload()
  const bell = page.getByTestId('bell')
  await expect(bell).toHaveAccessibleName(/Notifications, [1-9]\d* unread/)
  const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1])
  await bell.click()
  const mention = page.getByTestId('notification').filter({ hasText: 'Hannah Vogel mentioned you' }).filter({ hasText: 'check the hook' })
  await expect(mention).toContainText('unread')
  await mention.getByRole('button').first().click()
  await expect(bell).toHaveAccessibleName(`Notifications, ${unreadBefore - 1} unread`)
  // It opened the item it was about.
  await expect(page.getByTestId('item-panel').getByTestId('comment-thread')).toContainText('check the hook')
})
