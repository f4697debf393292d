import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { CalendarPage } from './pages/CalendarPage'
import type { Served } from './serveWorkspace'

// Issue #13 items 1 and 5, through the real UI and backend in Chromium.

async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
  return ((await r.json()) as { data: T }).data
}

/** Days of the shown month with no item on them. */
async function emptyDays(page: Page): Promise<string[]> {
  return page.locator('[data-testid="cal-day"]:not(.day-outside)').evaluateAll((els) =>
    els.filter((e) => e.querySelectorAll('[data-testid="cal-item"]').length === 0).map((e) => e.getAttribute('data-date') ?? '')
  )
}

/**
 * At least `n` empty days: this month's, or a later month's when the demo (planned relative to today)
 * and the tests before this one have filled this month — in December 2026 only three days were free.
 */
async function freeDays(page: Page, n: number): Promise<string[]> {
  for (let month = 0; month < 6; month++) {
    const days = await emptyDays(page)
    if (days.length >= n) return days
    const grid = page.getByTestId('calendar-grid')
    const range = await grid.getAttribute('data-range')
    await page.getByTestId('cal-next').click()
    await expect(grid).not.toHaveAttribute('data-range', range ?? '')
    await expect(grid).toHaveAttribute('data-ready', 'true')
  }
  throw new Error(`No month in the next six has ${n} empty days`)
}

async function countTitled(request: APIRequestContext, app: Served, date: string, title: string): Promise<number> {
  const r = await call<{ items: { title: string }[] }>(request, app, 'calendar-range', { from: date, to: date })
  return r.items.filter((i) => i.title === title).length
}

/** An item approved through the API (owner and approver two different members, checklist ticked). */
async function approvedItem(request: APIRequestContext, app: Served, date: string, title: string): Promise<{ id: string; approver: string }> {
  const members = await call<{ items: { id: string; name: string; active: boolean }[] }>(request, app, 'member-list', {})
  // The approver is whoever approves (issue #14): *me*, the demo's owner Hannah Vogel; a teammate owns it (four eyes).
  const approver = members.items.find((m) => m.name === 'Hannah Vogel')
  const owner = members.items.find((m) => m.active && m.id !== approver?.id)
  const policy = await call<{ checklist: { id: string }[] }>(request, app, 'calendar-policy-get', {})
  const checklist = Object.fromEntries(policy.checklist.map((c) => [c.id, true]))
  const created = await call<{ item: { id: string } }>(request, app, 'calendar-create', { values: { title, plannedDate: date, status: 'in_review', ownerId: owner?.id, checklist } })
  await call(request, app, 'calendar-update', { ids: [created.item.id], set: { status: 'approved' } })
  return { id: created.item.id, approver: approver?.name ?? '' }
}

test('editing an approved item asks first: send back to review, or keep the approval as its approver', async ({ page, app, request }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const [d1, d2] = await freeDays(page, 2)
  const a = await approvedItem(request, app, d1 ?? '', 'Approved launch post')
  const b = await approvedItem(request, app, d2 ?? '', 'Approved case study')
  await expect(cal.item(a.id)).toHaveClass(/chip-approved/)

  await cal.item(a.id).click()
  const panel = page.getByTestId('item-panel')
  await panel.getByLabel('Title').fill('Approved launch post, rewritten')
  await panel.getByTestId('panel-save').click()
  const ask = page.getByTestId('approval-void-dialog')
  await expect(ask).toContainText('This item is approved. Saving these changes sends it back to review.')
  await expect(ask.getByTestId('keep-approval')).toHaveText(`Keep approval as ${a.approver}`)
  // Cancel keeps the edit in the form and writes nothing.
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(ask).toHaveCount(0)
  expect((await call<{ title: string }>(request, app, 'content-get', { id: a.id })).title).toBe('Approved launch post')
  await panel.getByTestId('panel-save').click()
  await page.getByTestId('send-back-to-review').click()
  await expect(cal.toast()).toContainText('is back in review')
  await expect(cal.item(a.id)).toHaveClass(/chip-in_review/)
  expect(await call<{ status: string; approvedAt: string | null }>(request, app, 'content-get', { id: a.id })).toMatchObject({ status: 'in_review', approvedAt: null })

  await cal.item(b.id).click()
  await panel.getByLabel('Title').fill('Approved case study (typo fixed)')
  await panel.getByTestId('panel-save').click()
  await page.getByTestId('keep-approval').click()
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  await expect(cal.item(b.id)).toHaveAttribute('data-title', 'Approved case study (typo fixed)')
  await expect(cal.item(b.id)).toHaveClass(/chip-approved/)
  expect((await call<{ status: string }>(request, app, 'content-get', { id: b.id })).status).toBe('approved')
})

test('dragging an approved item to another day sends it back to review; the toast says so and Undo restores both', async ({ page, app, request }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const [from, to] = await freeDays(page, 2)
  const a = await approvedItem(request, app, from ?? '', 'Approved webinar invite')
  await cal.item(a.id).dragTo(cal.day(to ?? ''))
  await expect(cal.toast()).toContainText('back in review')
  await expect(cal.day(to ?? '').locator(`[data-id="${a.id}"]`)).toHaveClass(/chip-in_review/)
  await page.getByTestId('toast-undo').click()
  await expect(cal.day(from ?? '').locator(`[data-id="${a.id}"]`)).toHaveClass(/chip-approved/)
})

test('a double click on an empty day opens a draft and writes nothing; Enter twice creates one item', async ({ page, app, request }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const [day] = await freeDays(page, 1)
  const date = day ?? ''
  const before = await call<{ items: unknown[] }>(request, app, 'calendar-range', { from: date, to: date })
  await cal.day(date).dblclick({ position: { x: 30, y: 50 } })
  const panel = page.getByTestId('item-panel')
  await expect(panel.getByRole('heading')).toHaveText(`New item on ${date}`)
  await cal.day(date).dblclick({ position: { x: 30, y: 50 } })
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  expect((await call<{ items: unknown[] }>(request, app, 'calendar-range', { from: date, to: date })).items).toHaveLength(before.items.length)

  await cal.day(date).focus()
  await page.keyboard.press('n')
  await expect(panel.getByLabel('Title')).toBeFocused()
  await page.keyboard.type('Named on purpose')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(cal.day(date).locator('[data-title="Named on purpose"]')).toHaveCount(1)
  expect(await countTitled(request, app, date, 'Named on purpose')).toBe(1)
  expect(await countTitled(request, app, date, 'New item')).toBe(0)
})

test('on a slow network a create sent twice (a retry) and pressed twice still makes one item', async ({ page, app, request }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const [, day] = await freeDays(page, 2)
  const date = day ?? ''
  let sent = 0
  await page.route('**/api/calendar-create', async (route) => {
    // A slow link that delivers the request twice, as a retrying proxy would; the page gets the second answer.
    await new Promise((r) => setTimeout(r, 800))
    sent++
    await route.fetch()
    sent++
    await route.fulfill({ response: await route.fetch() })
  })
  await cal.day(date).locator('.day-add').click({ force: true })
  const panel = page.getByTestId('item-panel')
  await panel.getByLabel('Title').fill('Slow network post')
  await panel.getByLabel('Title').press('Enter')
  await panel.getByLabel('Title').press('Enter').catch(() => undefined)
  await expect(panel).toHaveCount(0)
  expect(sent).toBeGreaterThanOrEqual(2)
  await expect(cal.day(date).locator('[data-title="Slow network post"]')).toHaveCount(1)
  expect(await countTitled(request, app, date, 'Slow network post')).toBe(1)
})
