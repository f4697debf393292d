import type { APIRequestContext, Page } from '@playwright/test'
import { screens } from '../../src/renderer/src/shell/screens'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { axeScan, describeFindings, type Finding } from './pages/axeScan'
import { CalendarPage } from './pages/CalendarPage'
import type { Served } from './serveWorkspace'

// Issue #18: axe-core over every screen of the navigation (the list in shell/screens.ts, so a new screen
// is covered without touching this file) in light and dark, and over the main dialogs and panels.
// Fails on any serious or critical finding, and on any finding of the page-structure rules.

const themes = ['light', 'dark'] as const

/** Wait until the screen has its heading and its data (no "Loading…" left in the main area). */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor()
  await page.waitForFunction(() => !(document.querySelector('main')?.textContent ?? '').includes('Loading'))
  const grid = page.getByTestId('calendar-grid')
  if ((await grid.count()) > 0) await page.locator('[data-testid="calendar-grid"][data-ready="true"]').waitFor()
}

function expectClean(findings: Finding[], where: string): void {
  expect(findings, `axe on ${where}:\n${describeFindings(findings)}`).toEqual([])
}

async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
  return ((await r.json()) as { data: T }).data
}

test.describe.configure({ timeout: 180_000 })

for (const theme of themes) {
  test.describe(`axe, ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme })
    })

    for (const s of screens) {
      test(`${s.label} screen`, async ({ page, app }) => {
        const w = new AppPage(page, app)
        await w.open(s.id)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await settle(page)
        expectClean(await axeScan(page), `${s.label} (${theme})`)
      })
    }

    test('record form and its confirm dialog', async ({ page, app }) => {
      const w = new AppPage(page, app)
      await w.open('channels')
      await settle(page)
      await page.getByTestId('create-record').click()
      await page.getByTestId('record-dialog').waitFor()
      expectClean(await axeScan(page, '[data-testid="record-dialog"]'), `new channel form (${theme})`)
      // The same form showing field errors after a failed save.
      await page.getByTestId('form-save').click()
      await expect(page.locator('[data-testid="record-dialog"] [aria-invalid="true"]').first()).toBeVisible()
      expectClean(await axeScan(page, '[data-testid="record-dialog"]'), `channel form with errors (${theme})`)
      await page.keyboard.press('Escape')
      await page.locator('.dt-body [role="row"]').first().dblclick()
      await page.getByTestId('form-delete').click()
      await page.getByTestId('confirm-dialog').waitFor()
      expectClean(await axeScan(page, '[data-testid="confirm-dialog"]'), `confirm dialog (${theme})`)
    })

    test('import dialog', async ({ page, app }) => {
      const w = new AppPage(page, app)
      await w.open('channels')
      await settle(page)
      await page.getByTestId('import-csv').first().click()
      const wizard = page.getByTestId('import-wizard')
      await wizard.waitFor()
      expectClean(await axeScan(page, '[data-testid="import-wizard"]'), `import dialog (${theme})`)
      await wizard.getByTestId('import-file').setInputFiles({ name: 'channels.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Platform,Audience\nNew blog,Blog,1200\n', 'utf8') })
      await wizard.getByTestId('import-next').waitFor()
      expectClean(await axeScan(page, '[data-testid="import-wizard"]'), `import dialog, mapping step (${theme})`)
    })

    test('content editor panel and the approval dialog', async ({ page, app, request }) => {
      const cal = new CalendarPage(page, app)
      await cal.open('calendar')
      await cal.ready()
      const members = await call<{ items: { id: string; name: string; active: boolean }[] }>(request, app, 'member-list', {})
      // Approved by *me* (Hannah Vogel, the demo's owner); a teammate owns it (four eyes).
      const owner = members.items.find((m) => m.active && m.name !== 'Hannah Vogel')
      const policy = await call<{ checklist: { id: string }[] }>(request, app, 'calendar-policy-get', {})
      const checklist = Object.fromEntries(policy.checklist.map((c) => [c.id, true]))
      const { date } = await cal.movableItem()
      const created = await call<{ item: { id: string } }>(request, app, 'calendar-create', { values: { title: `Approved for axe (${theme})`, plannedDate: date, status: 'in_review', ownerId: owner?.id, checklist } })
      await call(request, app, 'calendar-update', { ids: [created.item.id], set: { status: 'approved' } })
      await cal.item(created.item.id).click()
      const panel = page.getByTestId('item-panel')
      await expect(panel.getByTestId('approval-stamp')).toBeVisible()
      expectClean(await axeScan(page, '[data-testid="item-panel"]'), `content editor panel (${theme})`)
      await panel.getByLabel('Title').fill(`Approved for axe (${theme}), edited`)
      await panel.getByTestId('panel-save').click()
      await page.getByTestId('approval-void-dialog').waitFor()
      expectClean(await axeScan(page, '[data-testid="approval-void-dialog"]'), `approval dialog (${theme})`)
    })

    test('inbox with a conversation open, and every tab of the listening desk', async ({ page, app }) => {
      const w = new AppPage(page, app)
      await w.open('conversations')
      await settle(page)
      await page.locator('.dt-body [role="row"]').first().click()
      await page.getByTestId('conversation-detail').waitFor()
      expectClean(await axeScan(page), `inbox with a conversation open (${theme})`)
      for (const tab of ['experts', 'routing', 'answers', 'hours']) {
        await w.open(`desk/${tab}`)
        await settle(page)
        if (tab === 'experts') {
          await page.locator('[data-testid="table-experts"] .dt-body [role="row"]').first().click()
          await page.getByTestId('watchlist').waitFor()
        }
        expectClean(await axeScan(page), `listening desk, ${tab} (${theme})`)
        if (tab === 'routing') {
          // The rule form with its channel picker.
          await page.getByTestId('create-record').first().click()
          await page.getByTestId('form-routingRule').waitFor()
          expectClean(await axeScan(page, '[data-testid="record-dialog"]'), `routing rule form (${theme})`)
          await page.keyboard.press('Escape')
        }
      }
      // The conversation import with its Source choice.
      await w.open('conversations')
      await page.getByTestId('import-csv').click()
      const wizard = page.getByTestId('import-wizard')
      await wizard.getByTestId('import-file').setInputFiles({ name: 'mention.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,Title,URL,Description,Source Type,Author,Language,Tone\n2026-11-15 09:00,Atlas,https://forum.example/t/1,Which MES?,forums,mes_lead,en,neutral\n', 'utf8') })
      await wizard.getByTestId('import-source').waitFor()
      expectClean(await axeScan(page, '[data-testid="import-wizard"]'), `conversation import, source and columns (${theme})`)
    })

    test('deck builder with a slide open', async ({ page, app }) => {
      const w = new AppPage(page, app)
      await w.open('review')
      await settle(page)
      await page.getByRole('list', { name: 'Slides' }).getByRole('button').nth(1).click()
      await expect(page.getByTestId('large-slide')).toBeVisible()
      expectClean(await axeScan(page), `deck builder (${theme})`)
    })
  })
}
