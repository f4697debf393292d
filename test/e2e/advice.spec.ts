import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

// "When to post" and "Publish again" on the Priorities screen, against the real backend on a demo workspace.
test.describe.configure({ mode: 'serial' })

/** Live (not deleted) backlog items whose brief marks them as a copy of `itemId`, read through the HTTP API. */
async function copiesOf(app: { base: string; token: string }, itemId: string): Promise<number> {
  const r = await fetch(`${app.base}/api/content-list`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ limit: 1000, where: [{ field: 'brief', op: 'contains', value: `a copy of item ${itemId}` }] })
  })
  const body = (await r.json()) as { ok: boolean; data: { items: { status: string; plannedDate: string | null }[] } }
  if (!body.ok) throw new Error(JSON.stringify(body))
  expect(body.data.items.every((i) => i.status === 'idea' && i.plannedDate === null)).toBe(true)
  return body.data.items.length
}

test('the panel shows best times where the data supports them, and "not enough data" elsewhere', async ({ page, app }) => {
  const p = new AppPage(page, app)
  await p.open('priorities')
  const panel = page.getByTestId('advice-panel')
  await expect(panel.getByRole('heading', { name: 'When to post' })).toBeVisible()
  const blog = panel.getByTestId('timing-row').filter({ hasText: 'Northwind blog' })
  await expect(blog).toContainText(/Tuesday \+\d+ % · \d+ posts/)
  await expect(panel.getByTestId('timing-row').filter({ hasText: 'Industry events' })).toContainText('Not enough data')
  await expect(panel.getByTestId('timing-row').filter({ hasText: 'X / @northwinddata' })).toContainText('No clear best time')
})

test('"Add to backlog" creates exactly one backlog copy, even when offered again', async ({ page, app }) => {
  const p = new AppPage(page, app)
  await p.open('priorities')
  const item = page.getByTestId('republish-item').first()
  await expect(item).toBeVisible()
  const title = (await item.locator('.adv-title').textContent()) ?? ''
  const reqs: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/advice-republish-add')) reqs.push(r.postData() ?? '')
  })
  await item.getByRole('button', { name: 'Add to backlog' }).click()
  const row = page.getByTestId('republish-item').filter({ hasText: title }).first()
  await expect(row.getByText('In the backlog')).toBeVisible()
  await expect(row.getByRole('button', { name: 'Add to backlog' })).toHaveCount(0)
  const itemId = (JSON.parse(reqs[0] ?? '{}') as { itemId?: string }).itemId ?? ''
  expect(itemId).toMatch(/^[0-9A-Z]{26}$/)
  expect(await copiesOf(app, itemId)).toBe(1)

  // Offered again (another window, a double click that slipped through): still one copy.
  const again = await fetch(`${app.base}/api/advice-republish-add`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ itemId })
  })
  expect(((await again.json()) as { data: { created: boolean } }).data.created).toBe(false)
  expect(await copiesOf(app, itemId)).toBe(1)
  // After a reload the advice still knows the copy.
  await p.reload()
  await expect(page.getByTestId('republish-item').filter({ hasText: title }).first().getByText('In the backlog')).toBeVisible()
})
