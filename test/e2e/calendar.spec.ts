import { readFileSync } from 'node:fs'
import { icsParse, icsProp } from '../../src/core/calendar/icsParse'
import { calendarDates } from '../../src/core/calendar/calendarDates'
import { expect, test } from './fixtures'
import { CalendarPage } from './pages/CalendarPage'

/** A day of the shown month, other than `date`, with room to show one more chip (no "+N more"). */
async function roomyDay(page: import('@playwright/test').Page, date: string): Promise<string> {
  const days = await page.locator('[data-testid="cal-day"]:not(.day-outside)').evaluateAll((els) =>
    els.map((e) => ({ date: e.getAttribute('data-date') ?? '', n: e.querySelectorAll('[data-testid="cal-item"]').length, more: e.querySelector('.day-more') !== null }))
  )
  const pick = days.filter((d) => d.date !== date && !d.more).sort((a, b) => a.n - b.n)[0]
  return pick?.date ?? calendarDates.addDays(date, 1)
}

test('drag an item to another day, find it there after a reload, then undo the reschedule', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const { id, date } = await cal.movableItem('draft')
  const target = await roomyDay(page, date)
  await cal.item(id).dragTo(cal.day(target))
  await expect(cal.day(target).locator(`[data-id="${id}"]`)).toBeVisible()
  await cal.reload()
  await cal.ready()
  await expect(cal.day(target).locator(`[data-id="${id}"]`)).toBeVisible()
  // Undo survives the reload: the backend session keeps the stack.
  await page.getByTestId('undo').click()
  await expect(cal.day(date).locator(`[data-id="${id}"]`)).toBeVisible()
  await expect(cal.day(target).locator(`[data-id="${id}"]`)).toHaveCount(0)
  await page.getByTestId('redo').click()
  await expect(cal.day(target).locator(`[data-id="${id}"]`)).toBeVisible()
  await page.locator('body').press('Control+z')
  await expect(cal.day(date).locator(`[data-id="${id}"]`)).toBeVisible()
})

test('a drag that breaks a rule snaps back with a message', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  await page.getByTestId('cal-prev').click()
  await cal.ready()
  // Published items are not draggable; the API refuses moving them too.
  const published = page.locator('[data-testid="cal-day"]:not(.day-outside) .chip-published').first()
  await expect(published).toHaveAttribute('draggable', 'false')
})

test('filters survive a reload and the views switch', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  await page.getByTestId('planner-search').fill('webinar')
  await cal.ready()
  await page.waitForTimeout(600)
  await cal.reload()
  await expect(page.getByTestId('planner-search')).toHaveValue('webinar')
  await page.getByTestId('view-week').click()
  await expect(page.getByTestId('cal-week')).toBeVisible()
  await page.getByTestId('view-agenda').click()
  await expect(page.getByTestId('cal-agenda')).toBeVisible()
  await page.getByTestId('filter-clear').click()
  await page.getByTestId('view-month').click()
})

test('export the .ics and parse it back', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()])
  const text = readFileSync((await download.path()) ?? '', 'utf8')
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  const { events } = icsParse(text)
  expect(events.length).toBeGreaterThan(50)
  for (const e of events) {
    expect(icsProp(e, 'UID')).toMatch(/^[0-9A-Z]{26}@smo-desk$/)
    expect(icsProp(e, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/)
    expect(icsProp(e, 'SUMMARY')).toBeTruthy()
  }
  expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
})
