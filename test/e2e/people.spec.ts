import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createDemoWorkspace, removeWorkspace, serveWorkspace, type Served } from './serveWorkspace'

// A computer that has never opened this workspace: its own settings, so nobody is "me" yet.
let app: Served
test.beforeAll(async () => {
  const dir = createDemoWorkspace()
  app = await serveWorkspace(dir, { SMO_USER_DATA: join(dir, '..', 'another-computer') })
})
test.afterAll(async () => {
  await app.stop()
  removeWorkspace(app.dir)
})

test('on first start the person picks who they are; the title bar and My work follow', async ({ page }) => {
  await page.goto(app.url)
  const picker = page.getByTestId('me-picker')
  await expect(picker).toBeVisible()
  await picker.getByLabel('I am').selectOption({ label: 'Leo Martins — Developer Advocate (contributor)' })
  await picker.getByTestId('me-pick-save').click()
  await expect(picker).toBeHidden()
  await expect(page).toHaveTitle(/^(\(\d+\) )?SMO Desk — Leo Martins$/)
  // A contributor may switch only to members whose role is not above theirs.
  const sw = page.getByTestId('me-switch')
  await expect(sw).toHaveValue(/.+/)
  const options = await sw.locator('option').allTextContents()
  expect(options.sort()).toEqual(['Aisha Cole (contributor)', 'Leo Martins (contributor)'])
  await expect(page.locator('main h1')).toHaveText('My work')
  await expect(page.getByTestId('mine-approvals')).toContainText('No item waits for your approval.')
  // Kept per computer: a reload does not ask again.
  await page.reload()
  await expect(page).toHaveTitle(/^(\(\d+\) )?SMO Desk — Leo Martins$/)
  await expect(page.getByTestId('me-picker')).toBeHidden()
})
