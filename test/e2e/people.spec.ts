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
  const refused: string[] = []
  page.on('response', (r) => {
    if (r.status() === 403) refused.push(new URL(r.url()).pathname)
  })
  await page.goto(app.url)
  const picker = page.getByTestId('me-picker')
  await expect(picker).toBeVisible()
  // Behind the dialog My work says what it needs, without asking the server for a work list it must refuse.
  await expect(page.getByTestId('my-work-nobody')).toContainText('Choose who you are on this computer')
  expect(refused).toEqual([])
  await picker.getByLabel('I am').selectOption({ label: 'Leo Martins — Developer Advocate (Contributor)' })
  await picker.getByTestId('me-pick-save').click()
  await expect(picker).toBeHidden()
  await expect(page).toHaveTitle(/^(\(\d+\) )?SMO Desk — Leo Martins$/)
  // A contributor may switch only to members whose role is not above theirs.
  const sw = page.getByTestId('me-switch')
  await expect(sw).toHaveValue(/.+/)
  const options = await sw.locator('option').allTextContents()
  expect(options.sort()).toEqual(['Aisha Cole', 'Leo Martins'])
  await expect(page.getByTestId('me-control')).toContainText('You are · Contributor')
  await expect(page.locator('main h1')).toHaveText('My work')
  await expect(page.getByTestId('mine-approvals')).toContainText('No item waits for your approval.')
  // Kept per computer: a reload does not ask again.
  await page.reload()
  await expect(page).toHaveTitle(/^(\(\d+\) )?SMO Desk — Leo Martins$/)
  await expect(page.getByTestId('me-picker')).toBeHidden()
})

test('My work opens each row on its own record: a mention on a campaign opens that campaign with its comments', async ({ page }) => {
  await page.goto(app.url)
  // This computer may already have a "me" from the test above (same settings folder): switch, or pick.
  const picker = page.getByTestId('me-picker')
  const sw = page.getByTestId('me-switch')
  await expect(picker.or(sw)).toBeVisible()
  if (await picker.isVisible()) {
    await picker.getByLabel('I am').selectOption({ label: 'Aisha Cole — Product Marketing Manager & Sales Engineer (Contributor)' })
    await picker.getByTestId('me-pick-save').click()
  } else {
    await sw.selectOption({ label: 'Aisha Cole' })
  }
  await expect(page.getByTestId('me-control')).toContainText('You are · Contributor')
  await page.goto(`${app.base}/#/mine`)
  const mentions = page.getByTestId('mine-mentions')
  await mentions.getByRole('link', { name: /^Budget is tight this quarter/ }).click()
  await expect(page).toHaveURL(/#\/campaigns/)
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('State of Data Downtime report 2026')
  await expect(page.getByText('Yes, the second newsletter sponsorship.', { exact: false })).toBeVisible()
  // A contributor may not change campaigns: the form says so in the backend's words and offers no Save
  // or Delete (it offered both, and the backend refused the save); the comments stay open to them.
  await expect(page.getByTestId('form-view-only')).toHaveText('View only. Changing campaigns needs the editor, approver or owner role; you are Aisha Cole (contributor).')
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeDisabled()
  await expect(page.getByTestId('form-save')).toHaveCount(0)
  await expect(page.getByTestId('form-delete')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('record-dialog')).toHaveCount(0)
  await expect(page.getByTestId('create-record')).toHaveCount(0)
  await expect(page.getByTestId('view-only-note')).toHaveText('View only — Creating campaigns needs the editor, approver or owner role; you are Aisha Cole (contributor).')
  // Nor an import that would be refused; exports stay.
  await expect(page.getByTestId('import-csv')).toHaveCount(0)
  await expect(page.getByTestId('export-csv')).toBeVisible()
  // Influencers are a contributor's own: New stays, and one owned by someone else opens view-only.
  await page.goto(`${app.base}/#/influencers`)
  await expect(page.getByTestId('create-record')).toBeVisible()
  await expect(page.getByTestId('import-csv')).toBeVisible()
  const notHers = page.locator('.dt-body [role="row"]').filter({ hasNotText: 'Aisha Cole' }).filter({ hasText: /\S/ }).first()
  await notHers.dblclick()
  await expect(page.getByTestId('form-view-only')).toHaveText('View only. Changing influencers that are not yours needs the editor, approver or owner role; you are Aisha Cole (contributor).')
  await page.keyboard.press('Escape')
  const hers = page.locator('.dt-body [role="row"]').filter({ hasText: 'Aisha Cole' }).first()
  await hers.dblclick()
  await expect(page.getByTestId('form-save')).toBeVisible()
  await expect(page.getByTestId('form-view-only')).toHaveCount(0)
  await page.keyboard.press('Escape')
  // A long section shows its first rows and the rest on request.
  const influencers = page.getByTestId('mine-influencers')
  await page.goto(`${app.base}/#/mine`)
  const more = influencers.getByRole('button', { name: /^Show all \d+$/ })
  await expect(more).toBeVisible()
  const shown = await influencers.locator('li').count()
  await more.click()
  expect(await influencers.locator('li').count()).toBeGreaterThan(shown)
  await expect(influencers.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true')
  // Members names each role in words, as the form does (the column showed the stored value "contributor").
  await page.goto(`${app.base}/#/members`)
  const aisha = page.locator('.dt-body [role="row"]', { hasText: 'Aisha Cole' })
  await expect(aisha).toContainText('Contributor')
  await expect(aisha).not.toContainText('contributor')
})
