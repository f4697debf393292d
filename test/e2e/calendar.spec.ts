import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
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

test('the colour legend names each channel once, also when the names arrive after the month', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  // The month is asked first and the channel names after it, so the first legend is drawn without
  // names; its entries were keyed by their label ("Channel"), and the duplicate keys left those
  // entries behind beside the named ones.
  await cal.open('calendar')
  await cal.ready()
  const legend = page.getByTestId('legend').locator('li')
  await expect(legend.filter({ hasText: /^X \/ @northwinddata \d+$/ })).toHaveCount(1)
  const labels = (await legend.allInnerTexts()).map((t) => t.replace(/\s+\d+$/, ''))
  expect(labels.filter((l) => l === 'Channel')).toEqual([])
  expect(new Set(labels).size).toBe(labels.length)
})

test('the grid is ready for a pointer only once the legend above it has its names', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  // Hold the channel names back: the month's chips are drawn, but the legend still reads "Channel"
  // and will re-wrap when the names come, moving the grid; a drag aimed now could land on a neighbour.
  let release = () => {}
  const held = new Promise<void>((r) => (release = r))
  // Without the browser host's boot answers (as in the desktop window), so the names come by their own call.
  await page.route('**/api/boot', (route) => route.abort())
  await page.route('**/api/channel-list', async (route) => {
    await held
    await route.continue()
  })
  await cal.open('calendar')
  await page.locator('[data-testid="cal-day"] [data-id]').first().waitFor()
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-ready', 'false')
  release()
  await cal.ready()
  await expect(page.getByTestId('legend').locator('li').filter({ hasText: /^X \/ @northwinddata \d+$/ })).toHaveCount(1)
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
  // The filter is saved to the settings a moment after typing (debounced, then a read and a write);
  // reload once it is there, not after a fixed wait that a busy server can outlast.
  const headers = { authorization: `Bearer ${app.token}` }
  await expect
    .poll(async () => {
      const s = (await (await page.request.post(`${app.base}/api/settings-get`, { headers, data: {} })).json()) as { data: { ui: { planner?: { filter?: { q?: string } } } } }
      return s.data.ui.planner?.filter?.q
    })
    .toBe('webinar')
  await cal.reload()
  await expect(page.getByTestId('planner-search')).toHaveValue('webinar')
  // Typed and reloaded at once, inside the debounce: the page sends the waiting filter as it goes.
  await page.getByTestId('planner-search').fill('launch')
  await cal.reload()
  await expect(page.getByTestId('planner-search')).toHaveValue('launch')
  // Closing the tab (the window) at once keeps it too.
  const other = await page.context().newPage()
  await other.goto(`${app.base}/#/calendar`)
  await other.getByTestId('planner-search').fill('roadmap')
  await other.close({ runBeforeUnload: true })
  await expect.poll(async () => ((await (await page.request.post(`${app.base}/api/settings-get`, { headers, data: {} })).json()) as { data: { ui: { planner?: { filter?: { q?: string } } } } }).data.ui.planner?.filter?.q).toBe('roadmap')
  await cal.reload()
  await expect(page.getByTestId('planner-search')).toHaveValue('roadmap')
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
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
  expect(events.length).toBeGreaterThan(50)
  for (const e of events) {
    expect(String(e.getFirstPropertyValue('uid'))).toMatch(/^[0-9A-Z]{26}@smo-desk$/)
    expect(String(e.getFirstPropertyValue('dtstamp'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(e.getFirstPropertyValue('summary')).toBeTruthy()
  }
  expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
})

test('keyboard: arrows move between days, Enter goes into the day and opens an item, Esc closes, N creates, / focuses search', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  // Tests in a file share a workspace and its saved view state: start from this month's grid.
  await page.getByTestId('view-month').click()
  await page.getByTestId('cal-today').click()
  if (await page.getByTestId('filter-clear').isVisible()) await page.getByTestId('filter-clear').click()
  await cal.ready()
  // Any day of this month with an item, so Enter has something to open.
  const withItem = page.locator('[data-testid="cal-day"]:not(.day-outside):has([data-testid="cal-item"])').first()
  const date = (await withItem.getAttribute('data-date')) ?? ''
  await cal.day(date).click({ position: { x: 3, y: 3 } })
  await expect(cal.day(date)).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(cal.day(calendarDates.addDays(date, 1))).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowDown')
  await expect(cal.day(calendarDates.addDays(date, 7))).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(cal.day(date)).toHaveClass(/day-focused/)
  // Enter goes into the day (its first item takes focus, APG grid pattern); Enter again opens it.
  await page.keyboard.press('Enter')
  await expect(cal.day(date).getByTestId('cal-item').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-panel')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  const before = await cal.day(date).getByTestId('cal-item').count()
  await cal.day(date).focus()
  await page.keyboard.press('n')
  await expect(page.getByTestId('item-panel')).toBeVisible()
  await expect(page.getByTestId('item-panel').getByRole('heading')).toHaveText(`New item on ${date}`)
  // N opens a draft: nothing is written until Save (issue #13, no junk records).
  await expect(cal.day(date).getByTestId('cal-item')).toHaveCount(before)
  await cal.day(date).focus()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  await cal.day(date).focus()
  await page.keyboard.press('/')
  await expect(page.getByTestId('planner-search')).toBeFocused()
})

test('week view: drop an item on an hour to set its publish time there', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  await page.getByTestId('view-week').click()
  await cal.ready()
  const chip = page.locator('[data-testid="cal-week"] [data-testid="cal-item"][draggable="true"]').first()
  await chip.waitFor()
  const id = (await chip.getAttribute('data-id')) ?? ''
  const day = (await page.locator('[data-testid="cal-week"] .week-day-head').nth(2).getAttribute('data-date')) ?? ''
  const slot = page.locator(`[data-testid="cal-slot"][data-date="${day}"][data-time="14:00"]`)
  await chip.dragTo(slot)
  await expect(cal.toast()).toContainText(`publishes ${day} 14:00`)
  await expect(slot.locator(`[data-id="${id}"]`)).toBeVisible()
  await expect(slot.locator(`[data-id="${id}"] .chip-time`)).toHaveText('14:00')
})

test('week view lasso: select several items by dragging a rectangle, re-status them as one undoable step', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  await page.getByTestId('view-week').click()
  // Only ideas and drafts, so a re-status to "in review" takes them off the view and undo brings them back.
  await page.getByTestId('filter-status').locator('summary').click()
  await page.getByTestId('filter-status').getByLabel('Idea').check()
  await page.getByTestId('filter-status').getByLabel('Draft').check()
  await page.getByTestId('filter-status').locator('summary').click()
  const week = page.getByTestId('cal-week')
  const chips = week.getByTestId('cal-item')
  const visible = () => week.evaluate((w) => {
    const b = w.getBoundingClientRect()
    return [...w.querySelectorAll('[data-testid="cal-item"]')].filter((c) => { const r = c.getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom }).length
  })
  for (let i = 0; i < 12; i++) {
    await cal.ready()
    await page.waitForTimeout(150)
    if ((await visible()) >= 2) break
    await page.getByTestId('cal-next').click()
  }
  const n = await visible()
  expect(n).toBeGreaterThanOrEqual(2)
  const box = await week.boundingBox()
  const start = await week.locator('.hour-label').first().boundingBox()
  if (!box || !start) throw new Error('no week box')
  await page.mouse.move(start.x + 4, start.y + 4)
  await page.mouse.down()
  await page.mouse.move(start.x + 60, start.y + 60, { steps: 4 })
  await expect(page.getByTestId('lasso')).toBeVisible()
  await page.mouse.move(box.x + box.width - 20, box.y + box.height - 4, { steps: 6 })
  await page.mouse.up()
  await expect(page.getByTestId('lasso')).toHaveCount(0)
  await expect(page.getByTestId('bulk-bar')).toContainText(`${n} selected`)
  await expect(week.locator('.chip-selected')).toHaveCount(n)
  const total = await chips.count()
  await page.getByTestId('bulk-bar').getByLabel('Set status').selectOption('in_review')
  await expect(cal.toast()).toContainText(`${n} changed`)
  await expect(chips).toHaveCount(total - n)
  await page.getByTestId('undo').click()
  await expect(chips).toHaveCount(total)
  await page.getByTestId('filter-clear').click()
})

test('saved views: save the filter by name, reopen it, delete it from the menu', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  await page.getByTestId('planner-search').fill('webinar')
  await page.getByTestId('save-view').click()
  await page.getByLabel('View name').fill('Webinars only')
  await page.getByLabel('View name').press('Enter')
  await page.getByTestId('filter-clear').click()
  await expect(page.getByTestId('planner-search')).toHaveValue('')
  const menu = page.getByTestId('saved-views')
  await menu.locator('summary').click()
  const row = menu.locator('[data-testid="saved-view"][data-name="Webinars only"]')
  await row.getByTestId('saved-view-open').click()
  await expect(page.getByTestId('planner-search')).toHaveValue('webinar')
  await menu.locator('summary').click()
  await row.getByTestId('saved-view-delete').click()
  await row.getByTestId('saved-view-confirm').click()
  await expect(row).toHaveCount(0)
  await cal.reload()
  await page.getByTestId('saved-views').locator('summary').click()
  await expect(page.locator('[data-testid="saved-view"][data-name="Webinars only"]')).toHaveCount(0)
  await page.getByTestId('filter-clear').click()
})
