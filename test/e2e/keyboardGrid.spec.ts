import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { calendarDates } from '../../src/core/calendar/calendarDates'
import { expect, test } from './fixtures'
import { CalendarPage } from './pages/CalendarPage'

test.describe.configure({ timeout: 180_000 })

// Issue #18: the calendar and the board as keyboard grids. Everything here is driven by the keyboard
// only (locator.press / focus and page.keyboard; no click, hover or drag).

const focusedAttr = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name)

/** Press Tab until the focused element matches `selector` (at most `max` times); how many presses it took. */
async function tabTo(page: Page, selector: string, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** Tab stops inside `container` on one full Tab walk of the page. */
async function tabStopsIn(page: Page, container: string): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const seen = new Set<string>()
  let inside = 0
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab')
    const key = await page.evaluate((c) => {
      const el = document.activeElement
      if (!el || el === document.body) return 'body'
      const path = []
      for (let e: Element | null = el; e; e = e.parentElement) path.unshift(`${e.tagName}${[...(e.parentElement?.children ?? [])].indexOf(e)}`)
      return `${el.closest(c) ? 'in' : 'out'}:${path.join('/')}`
    }, container)
    if (seen.has(key)) break
    seen.add(key)
    if (key.startsWith('in:')) inside++
  }
  return inside
}

async function seriousFindings(page: Page, include: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(include).analyze()
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`)
}

async function monthOfToday(cal: CalendarPage): Promise<void> {
  await cal.open('calendar')
  await cal.ready()
  await cal.page.getByTestId('view-month').press('Enter')
  await cal.page.getByTestId('cal-today').press('Enter')
  await cal.ready()
}

test('the month grid is one Tab stop (it was one per item) and axe finds nothing serious in month and week', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await monthOfToday(cal)
  expect(await page.locator('[data-testid="cal-month"] [data-testid="cal-item"]').count()).toBeGreaterThan(20)
  expect(await tabStopsIn(page, '[data-testid="calendar-grid"]')).toBe(1)
  expect(await seriousFindings(page, '[data-testid="calendar-grid"]')).toEqual([])
  // The day cell's name holds what is seen: the day number and the items' titles.
  const day = page.locator('[data-testid="cal-day"]:not(.day-outside):has([data-testid="cal-item"])').first()
  const date = (await day.getAttribute('data-date')) ?? ''
  const title = (await day.getByTestId('cal-item').first().getAttribute('data-title')) ?? ''
  const name = await day.evaluate((el) => el.textContent ?? '')
  expect(name).toContain(String(Number(date.slice(8, 10))))
  expect(name).toContain(title)
  expect(await day.getAttribute('aria-label')).toBeNull()

  await page.getByTestId('view-week').press('Enter')
  await cal.ready()
  await expect(page.getByTestId('cal-week')).toBeVisible()
  expect(await tabStopsIn(page, '[data-testid="calendar-grid"]')).toBe(1)
  expect(await seriousFindings(page, '[data-testid="calendar-grid"]')).toEqual([])
  await page.getByTestId('view-month').press('Enter')
})

test('plan an item from the keyboard, move it a day and to a date, undo each step; Escape gives focus back', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await monthOfToday(cal)
  const month = ((await page.getByTestId('calendar-grid').getAttribute('data-range')) ?? '').slice(0, 10)
  // Into the grid with Tab; Ctrl+Home is the 1st of the shown month, then the arrows walk to the 10th.
  await page.getByTestId('cal-today').focus()
  await tabTo(page, '[role="gridcell"]')
  await page.keyboard.press('Control+Home')
  const first = (await focusedAttr(page, 'data-date')) ?? ''
  expect(first.slice(8)).toBe('01')
  expect(first > month || first === month).toBe(true)
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
  const day = calendarDates.addDays(first, 9)
  await expect(cal.day(day)).toBeFocused()

  // Plan: N opens the new-item form with focus on its title; Enter saves; focus returns to the day.
  const title = `Keyboard plan ${Date.now() % 100000}`
  await page.keyboard.press('n')
  await expect(page.getByTestId('item-panel').getByRole('heading')).toHaveText(`New item on ${day}`)
  // Saving without a title is refused: spoken at once, the field marked, focus on it (#18 "Bad input").
  await page.keyboard.press('Enter')
  const titleField = page.getByTestId('item-panel').getByRole('textbox', { name: /^Title/ })
  await expect(page.getByTestId('live-assertive')).toContainText(/^Not saved, 1 problem\. Title: /)
  await expect(titleField).toHaveAttribute('aria-invalid', 'true')
  await expect(titleField).toBeFocused()
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  const chip = (d: string) => cal.day(d).locator(`[data-testid="cal-item"][data-title="${title}"]`)
  await expect(chip(day)).toHaveCount(1)
  await expect(page.getByTestId('live-polite')).toContainText(`"${title}" created`)
  await expect(cal.day(day)).toBeFocused()

  // Into the day's items (Enter), down to ours.
  await page.keyboard.press('Enter')
  for (let i = 0; i < 12 && (await focusedAttr(page, 'data-title')) !== title; i++) await page.keyboard.press('ArrowDown')
  await expect(chip(day)).toBeFocused()

  // Enter opens it with focus in the panel; Escape closes it and focus is back on the item.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-panel').getByRole('heading', { name: title })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  await expect(chip(day)).toBeFocused()

  // Alt+→ moves it a day (the drag's write); focus follows it and the move is spoken.
  const next = calendarDates.addDays(day, 1)
  await page.keyboard.press('Alt+ArrowRight')
  await expect(chip(next)).toBeFocused()
  await expect(chip(day)).toHaveCount(0)
  await expect(page.getByTestId('live-polite')).toContainText(`Moved "${title}" to`)

  // M: Move to date…, typed; Enter moves it there.
  const later = calendarDates.addDays(day, 5)
  await page.keyboard.press('m')
  await expect(page.getByTestId('move-to-date')).toBeVisible()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(later)
  await page.keyboard.press('Enter')
  await expect(chip(later)).toBeFocused()
  await expect(chip(next)).toHaveCount(0)

  // Each keyboard move is one undo step, like a drag.
  await page.keyboard.press('Control+z')
  await expect(chip(next)).toHaveCount(1)
  await expect(chip(later)).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(chip(day)).toHaveCount(1)
  await expect(chip(next)).toHaveCount(0)

  // Escape from an item goes back to its day cell; PageDown turns to the next month on the same day.
  await cal.day(day).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(cal.day(day)).toBeFocused()
  await page.keyboard.press('PageDown')
  const nextMonth = calendarDates.addMonths(day, 1).slice(0, 8) + day.slice(8)
  await expect(cal.day(nextMonth)).toBeFocused()
})

test('the board is one Tab stop: arrows between cards and columns, Alt+→ moves a card a column, undo, M opens Move to column', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('board')
  const idea = page.locator('[data-testid="board-col"][data-status="idea"]')
  const draft = page.locator('[data-testid="board-col"][data-status="draft"]')
  await expect(idea.getByTestId('col-count')).not.toHaveText('0')
  await expect(draft.getByTestId('board-card').first()).toBeVisible()
  expect(await page.locator('.board button:not([tabindex="-1"])').count()).toBe(0)
  expect(await tabStopsIn(page, '.board')).toBe(1)
  expect(await seriousFindings(page, '.board')).toEqual([])

  await page.getByTestId('planner-search').focus()
  await tabTo(page, '[data-testid="board-card"]')
  await page.keyboard.press('Control+Home')
  const first = idea.getByTestId('board-card').first()
  await expect(first).toBeFocused()
  const id = (await first.getAttribute('data-id')) ?? ''
  await page.keyboard.press('ArrowRight')
  await expect(draft.getByTestId('board-card').first()).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(first).toBeFocused()

  // Narrow the board to this card (typed into the filter), so it is among the cards shown after the move.
  const title = (await first.locator('.card-title').textContent()) ?? ''
  await page.getByTestId('planner-search').focus()
  await page.keyboard.type(title)
  await expect(draft.getByTestId('board-card')).toHaveCount(0)
  await page.getByTestId('planner-search').focus()
  await tabTo(page, '[data-testid="board-card"]')
  await expect(idea.locator(`[data-id="${id}"]`)).toBeFocused()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(draft.locator(`[data-id="${id}"]`)).toBeFocused()
  await expect(page.getByTestId('live-polite')).toContainText('to Draft')
  await page.keyboard.press('Control+z')
  await expect(idea.locator(`[data-id="${id}"]`)).toHaveCount(1)
  await expect(draft.locator(`[data-id="${id}"]`)).toHaveCount(0)

  // M opens the card's menu (Move to column, owner, channel) with focus in it; Escape returns to the card.
  await idea.locator(`[data-id="${id}"]`).focus()
  await page.keyboard.press('m')
  await expect(page.getByTestId('card-pop')).toBeVisible()
  await expect(page.getByTestId('quick-status')).toBeFocused()
  expect(await seriousFindings(page, '[data-testid="card-pop"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('card-pop')).toHaveCount(0)
  await expect(idea.locator(`[data-id="${id}"]`)).toBeFocused()

  // Enter opens the editor with focus in it; Escape closes it and focus is back on the card.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-panel').getByRole('heading').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  await expect(idea.locator(`[data-id="${id}"]`)).toBeFocused()
})
