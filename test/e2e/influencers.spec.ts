import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { RecordFormPage } from './pages/RecordFormPage'
import { TablePage } from './pages/TablePage'

test.describe('influencers', () => {
  test('log an interaction and add a handle; both are kept and the last contact moves to today', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('influencers')
    const table = new TablePage(page, 'influencers')
    await expect(table.rows().first()).toBeVisible()
    const name = (await table.rows().first().locator('[role="gridcell"]').first().innerText()).trim()
    await table.rows().first().dblclick()
    const form = new RecordFormPage(page, 'influencer')
    const interactions = form.form.getByRole('group', { name: 'Interactions' })
    const before = await interactions.getByRole('button', { name: /^Remove/ }).count()
    await interactions.getByRole('button', { name: 'Log an interaction' }).click()
    const n = before + 1
    await interactions.getByLabel(`Kind ${n}`).selectOption({ label: 'Call' })
    await interactions.getByLabel(`Note ${n}`).fill('Agreed to review our lineage guide')
    const handles = form.form.getByRole('group', { name: 'Handles' })
    const h = (await handles.getByRole('button', { name: /^Remove/ }).count()) + 1
    await handles.getByRole('button', { name: 'Add a handle' }).click()
    await handles.getByLabel(`Platform ${h}`).selectOption({ label: 'Mastodon' })
    await handles.getByLabel(`Handle or URL ${h}`).fill('@e2e@fosstodon.org')
    await form.save()
    await expect(form.form).toBeHidden()
    await w.reload()
    const again = new TablePage(page, 'influencers')
    await again.search(name)
    await again.row(name).first().dblclick()
    const reopened = new RecordFormPage(page, 'influencer')
    await expect(reopened.form.getByRole('group', { name: 'Interactions' }).getByLabel(`Note ${n}`)).toHaveValue('Agreed to review our lineage guide')
    await expect(reopened.form.getByRole('group', { name: 'Handles' }).locator('input[value="@e2e@fosstodon.org"]')).toBeVisible()
    await expect(reopened.field('Last contact')).toHaveValue(new Date().toISOString().slice(0, 10))
  })
})
