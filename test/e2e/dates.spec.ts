import type { Served } from './serveWorkspace'
import { expect, test } from './fixtures'
import { CalendarPage } from './pages/CalendarPage'
import { RecordFormPage } from './pages/RecordFormPage'

/** The item as the backend has it, straight from the API (what was saved, not what the page shows). */
async function contentOf(app: Served, id: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${app.base}/api/content-get`, { method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ id }) })
  const body = (await r.json()) as { data: Record<string, unknown> }
  return body.data
}

test('2026-02-31 typed into the content editor is refused at the field and nothing is saved; so is 02:30 on the spring-forward night', async ({ page, app }) => {
  test.setTimeout(180_000)
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const { id } = await cal.movableItem('draft')
  const before = await contentOf(app, id)
  await cal.item(id).click()
  const panel = page.getByTestId('item-panel')
  await expect(panel).toBeVisible()

  await panel.getByLabel('Planned date').fill('2026-02-31')
  await panel.getByTestId('panel-save').click()
  await expect(panel.getByTestId('field-error-plannedDate')).toHaveText('31 Feb 2026 is not a date (February 2026 has 28 days)')
  await expect(panel.getByLabel('Planned date')).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByLabel('Planned date')).toHaveValue('2026-02-31')
  expect(await contentOf(app, id)).toEqual(before)

  // A wall-clock time the zone skips is refused too, never moved to 03:30.
  await panel.getByLabel('Planned date').fill('2026-03-29')
  await panel.getByLabel('Publish time', { exact: true }).fill('2026-03-29')
  await panel.getByLabel('Publish time time of day').fill('02:30')
  await panel.getByLabel('Publish time time zone').selectOption('Europe/Berlin')
  await panel.getByTestId('panel-save').click()
  await expect(panel.getByTestId('field-error-publishAt')).toContainText('02:30 on 29 Mar 2026 does not exist in Europe/Berlin')
  expect(await contentOf(app, id)).toEqual(before)

  // A real time saves, exactly as typed.
  await panel.getByLabel('Publish time time of day').fill('03:30')
  await panel.getByTestId('panel-save').click()
  await expect(panel).toHaveCount(0)
  expect(await contentOf(app, id)).toMatchObject({ plannedDate: '2026-03-29', publishAt: '2026-03-29T01:30:00Z', publishZone: 'Europe/Berlin' })
})

test('a campaign form refuses a date that does not exist or lies outside the calendar by field and creates nothing', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('campaigns')
  await page.getByTestId('create-record').click()
  const form = new RecordFormPage(page, 'campaign')
  await form.fill('Name', 'Leap test')
  await form.fill('Starts', '2027-02-29')
  await form.fill('Ends', '2300-01-01')
  await form.save()
  await expect(form.error('startDate')).toHaveText('29 Feb 2027 is not a date (February 2027 has 28 days)')
  await expect(form.error('endDate')).toHaveText('1 Jan 2300 is outside the calendar (1 Jan 1970 – 31 Dec 2199)')
  await expect(form.form).toBeVisible()
})
