import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { RecordFormPage } from './pages/RecordFormPage'
import { TablePage } from './pages/TablePage'

// Issue #14: every record's own form shows its history, as the content item panel does.
test.describe('history in every record form', () => {
  test('a campaign edited in its form shows who changed what, newest first', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('campaigns')
    const table = new TablePage(page, 'campaigns')
    await expect(table.rows().first()).toBeVisible()
    await table.rows().first().dblclick()
    const form = new RecordFormPage(page, 'campaign')
    await form.fill('Description', 'Rewritten for the history check')
    await form.save()
    await expect(form.form).toBeHidden()
    await table.rows().first().dblclick()
    // The history sits in the dialog below the form, beside the comments.
    const history = page.getByRole('dialog', { name: 'Edit campaign' }).getByTestId('record-history')
    await history.locator('summary').click()
    const first = history.getByTestId('history-entry').first()
    await expect(first).toContainText(/description/i)
    await expect(first).toContainText('Rewritten for the history check')
  })

  for (const [screen, tableId, kind] of [
    ['goals', 'goals', 'goal'],
    ['channels', 'channels', 'channel'],
    ['influencers', 'influencers', 'influencer'],
    // Conversations live in the Inbox, whose detail panel shows History (desk.spec.ts); the desk's experts are records.
    ['desk/experts', 'experts', 'expert']
  ] as const) {
    test(`the ${kind} form has a History section`, async ({ page, app }) => {
      const w = new AppPage(page, app)
      await w.open(screen)
      // Goals open on their progress cards; the records are one switch away.
      if (screen === 'goals') await page.getByText('Records', { exact: true }).click()
      const table = new TablePage(page, tableId)
      await expect(table.rows().first()).toBeVisible()
      await table.rows().first().dblclick()
      const history = page.getByRole('dialog', { name: `Edit ${kind}` }).getByTestId('record-history')
      await expect(history.locator('summary')).toHaveText(/^History \(\d+\+?\)$/)
    })
  }
})
