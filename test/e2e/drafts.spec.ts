import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { CalendarPage } from './pages/CalendarPage'
import { RecordFormPage } from './pages/RecordFormPage'
import { TablePage } from './pages/TablePage'
import type { Served } from './serveWorkspace'

/** Is a draft for this record kind stored in the tab (written as the user types, after a short pause)? */
const hasDraft = (page: Page, kind: string) => page.evaluate((k) => Object.keys(localStorage).some((key) => key.startsWith(`smo.draft.${k}.`)), kind)

async function api<T>(app: Served, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${app.base}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) })
  const body = (await res.json()) as { ok: boolean; data: T }
  return body.data
}

/**
 * Search the channels for one by its name and wait for the table to show only it: a double-click
 * sent while the rows were still being filtered could land between two renders and open nothing.
 */
async function searchFor(page: Page, name: string): Promise<void> {
  const table = new TablePage(page, 'channels')
  await table.search(name)
  await expect(table.rows()).toHaveCount(1)
  await expect(table.rows().first()).toContainText(name)
}

/** Open the channel form of the n-th row; returns the channel's name. */
async function openChannel(page: Page, row = 0): Promise<{ name: string; form: RecordFormPage }> {
  const table = new TablePage(page, 'channels')
  await expect(table.rows().first()).toBeVisible()
  const cell = table.rows().nth(row).locator('[role="gridcell"]').first()
  const name = (await cell.innerText()).trim()
  await table.rows().nth(row).dblclick()
  const form = new RecordFormPage(page, 'channel')
  await expect(form.form).toBeVisible()
  return { name, form }
}

test('an unsaved edit survives a reload: the reopened record offers it back, and saving clears the draft', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('channels')
  const { name, form } = await openChannel(page)
  await form.fill('Notes', 'Typed before the tab reloaded')
  await expect(form.form.getByTestId('draft-status')).toContainText('kept as a draft')
  await expect.poll(() => hasDraft(page, 'channel')).toBe(true)

  // The page lists the drafts it found above the table, drawn with the window itself: a banner that came
  // a moment later moved the table down under the pointer. Seen when the navigation first appears.
  await page.addInitScript(() => {
    new MutationObserver((_, watch) => {
      if (document.querySelector('[data-testid="nav"]') === null) return
      document.documentElement.dataset.bannerWithShell = String(document.querySelector('[data-testid="drafts-banner"]') !== null)
      watch.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
  await w.reload()
  await expect(page.getByText('Unsaved changes from last time.')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-banner-with-shell', 'true')
  await searchFor(page, name)
  const { form: again } = await openChannel(page)
  const offer = page.getByTestId('restore-offer')
  await expect(offer).toContainText(`Restore your unsaved changes to ‘${name}’?`)
  await expect(offer).toContainText('Notes')
  // Nothing is put back before the answer.
  await expect(again.field('Notes')).not.toHaveValue('Typed before the tab reloaded')
  await offer.getByTestId('restore-accept').click()
  await expect(offer).toHaveCount(0)
  await expect(again.field('Notes')).toHaveValue('Typed before the tab reloaded')
  await again.save()
  await expect(again.form).toBeHidden()
  expect(await hasDraft(page, 'channel')).toBe(false)

  // Saved for real, and nothing is offered any more.
  await w.reload()
  await searchFor(page, name)
  const { form: third } = await openChannel(page)
  await expect(third.field('Notes')).toHaveValue('Typed before the tab reloaded')
  await expect(page.getByTestId('restore-offer')).toHaveCount(0)
})

test('at start, the banner names an edit left unsaved in the content panel and opens it with the restore question', async ({ page, app }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const { id } = await cal.movableItem('draft')
  await cal.item(id).click()
  const panel = page.getByTestId('item-panel')
  const title = await panel.getByLabel('Title', { exact: true }).inputValue()
  await panel.getByLabel('Brief').fill('A brief typed before a crash')
  await expect.poll(() => hasDraft(page, 'content')).toBe(true)

  await page.goto(`${app.url}#/channels`)
  const banner = page.getByTestId('drafts-banner')
  await expect(banner).toContainText(`‘${title}’`)
  await banner.getByTestId('drafts-banner-item').filter({ hasText: title }).getByTestId('drafts-banner-open').click()
  await expect(page).toHaveURL(/#\/calendar$/)
  await page.getByTestId('restore-accept').click()
  await expect(page.getByTestId('item-panel').getByLabel('Brief')).toHaveValue('A brief typed before a crash')
  await page.getByTestId('item-panel').getByTestId('panel-save').click()
  await expect(page.getByTestId('item-panel')).toHaveCount(0)
  expect((await api<{ brief: string }>(app, 'content-get', { id })).brief).toBe('A brief typed before a crash')
  expect(await hasDraft(page, 'content')).toBe(false)
})

test('a new record typed but never created is offered back the next time "New" is pressed', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('campaigns')
  await page.getByTestId('create-record').click()
  const form = new RecordFormPage(page, 'campaign')
  await form.fill('Name', 'Spring webinar series')
  await expect.poll(() => hasDraft(page, 'campaign')).toBe(true)
  await w.reload()
  await page.getByTestId('create-record').click()
  const offer = page.getByTestId('restore-offer')
  await expect(offer).toContainText('Restore your unsaved changes to ‘Spring webinar series’?')
  await offer.getByTestId('restore-accept').click()
  await expect(form.field('Name')).toHaveValue('Spring webinar series')
  await form.fill('Starts', '2027-03-01')
  await form.fill('Ends', '2027-03-31')
  await form.save()
  await expect(form.form).toBeHidden()
  expect(await hasDraft(page, 'campaign')).toBe(false)
})

test('Discard in the offer throws the draft away', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('channels')
  const { name, form } = await openChannel(page, 1)
  const before = await form.field('Notes').inputValue()
  await form.fill('Notes', 'Not wanted after all')
  await expect.poll(() => hasDraft(page, 'channel')).toBe(true)
  // Closing the form keeps the draft (the same as switching screens): it comes back on reopening.
  await form.form.getByRole('button', { name: 'Cancel' }).click()
  await searchFor(page, name)
  await openChannel(page)
  await page.getByTestId('restore-discard').click()
  await expect(new RecordFormPage(page, 'channel').field('Notes')).toHaveValue(before)
  expect(await hasDraft(page, 'channel')).toBe(false)
})

test('closing the tab with unsaved changes asks first (beforeunload)', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('channels')
  const { form } = await openChannel(page, 2)
  await form.fill('Notes', 'Half-written note')
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.type())
    void d.dismiss()
  })
  await page.close({ runBeforeUnload: true })
  await expect.poll(() => dialogs).toEqual(['beforeunload'])
  // Dismissed: the tab stays open with the edit.
  expect(page.isClosed()).toBe(false)
  await expect(form.field('Notes')).toHaveValue('Half-written note')
})

test('two tabs on one channel: the later save of the same field asks, nothing is overwritten until chosen', async ({ page, app, context }) => {
  const first = new AppPage(page, app)
  await first.open('channels')
  const { name, form: a } = await openChannel(page, 3)
  const second = await context.newPage()
  await new AppPage(second, app).open('channels')
  await searchFor(second, name)
  const { form: b } = await openChannel(second)
  const id = (await api<{ items: { id: string; name: string }[] }>(app, 'channel-list', { q: name })).items.find((c) => c.name === name)?.id ?? ''

  // Both type; the first tab saves first. (An input the second tab has not touched yet would simply
  // follow the first tab's save: that is a merge, not a conflict.)
  await a.fill('Audience size', '111111')
  await b.fill('Audience size', '222222')
  await b.fill('Notes', 'Only the second tab touched this')
  await a.save()
  await expect(a.form).toBeHidden()
  await expect.poll(async () => (await api<{ audienceSize: number }>(app, 'channel-get', { id })).audienceSize).toBe(111111)
  await b.save()
  const prompt = second.getByTestId('conflict-dialog')
  await expect(prompt).toContainText('Changed elsewhere since you opened it:')
  const row = prompt.getByTestId('conflict-audienceSize')
  await expect(row.getByTestId('conflict-their-value')).toHaveText('111111')
  await expect(row.getByTestId('conflict-my-value')).toHaveText('222222')
  await expect(prompt.locator('tbody tr')).toHaveCount(1)
  expect((await api<{ audienceSize: number; notes: string }>(app, 'channel-get', { id })).audienceSize).toBe(111111)

  // Cancel: nothing saved, the form still holds what was typed.
  await prompt.getByTestId('conflict-cancel').click()
  await expect(b.field('Audience size')).toHaveValue('222222')
  expect((await api<{ audienceSize: number }>(app, 'channel-get', { id })).audienceSize).toBe(111111)

  await b.save()
  await second.getByTestId('conflict-dialog').getByTestId('conflict-keep-mine').click()
  await expect(b.form).toBeHidden()
  expect(await api<{ audienceSize: number; notes: string }>(app, 'channel-get', { id })).toMatchObject({ audienceSize: 222222, notes: 'Only the second tab touched this' })
  await second.close()
})

test('two tabs on one content item: a change to another field merges, the same field asks; Take theirs keeps the first save', async ({ page, app, context }) => {
  const cal = new CalendarPage(page, app)
  await cal.open('calendar')
  await cal.ready()
  const { id } = await cal.movableItem('draft')
  const other = await context.newPage()
  const cal2 = new CalendarPage(other, app)
  await cal2.open('calendar')
  await cal2.ready()
  await cal.item(id).click()
  await cal2.item(id).click()
  const panelA = page.getByTestId('item-panel')
  const panelB = other.getByTestId('item-panel')

  await panelA.getByLabel('Title', { exact: true }).fill('Title from the first tab')
  await panelA.getByTestId('panel-save').click()
  await expect(panelA).toHaveCount(0)
  // The second tab had not touched the title: it follows the first tab's save.
  await expect(panelB.getByLabel('Title', { exact: true })).toHaveValue('Title from the first tab')

  await cal.item(id).click()
  await panelA.getByLabel('Title', { exact: true }).fill('First tab, again')
  await panelB.getByLabel('Title', { exact: true }).fill('Second tab title')
  await panelA.getByTestId('panel-save').click()
  await expect(panelA).toHaveCount(0)
  await panelB.getByTestId('panel-save').click()
  const prompt = other.getByTestId('conflict-dialog')
  await expect(prompt.getByTestId('conflict-title').getByTestId('conflict-their-value')).toHaveText('First tab, again')
  await expect(prompt.getByTestId('conflict-title').getByTestId('conflict-my-value')).toHaveText('Second tab title')
  expect((await api<{ title: string }>(app, 'content-get', { id })).title).toBe('First tab, again')
  await prompt.getByTestId('conflict-take-theirs').click()
  await expect(panelB).toHaveCount(0)
  expect((await api<{ title: string }>(app, 'content-get', { id })).title).toBe('First tab, again')
  await other.close()
})
