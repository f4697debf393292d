import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { RecordFormPage } from './pages/RecordFormPage'
import type { Served } from './serveWorkspace'

// Issue #16: the listening desk in a browser on the real backend — a complaint triaged, routed to the
// rules' proposed expert, answered with an approved answer and resolved with its ticket; an overdue
// conversation stands out; a refused desk setting is shown at its field; the dashboard draws its charts.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

async function call<T>(request: APIRequestContext, app: Served, method: string, data: unknown): Promise<T> {
  const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
  expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
  return ((await r.json()) as { data: T }).data
}

const ANSWER = 'Sorry about the double charge: we have refunded it, and it will show on your statement within five days.'

async function openConversation(page: Page, summary: string, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click()
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill(summary)
  await page.locator('.dt-body [role="row"]', { hasText: summary }).first().click()
  await expect(page.getByTestId('conversation-detail').locator('h2')).toHaveText(summary)
}

test('a complaint is triaged, routed to the proposed expert, answered with an approved answer and resolved', async ({ page, app, request }) => {
  const expert = await call<{ id: string }>(request, app, 'expert-create', { name: 'Billing desk lead', team: 'Support', topics: ['e2e-billing'] })
  await call(request, app, 'routing-rule-create', { position: 1, name: 'Billing complaints', types: ['complaint'], topics: ['e2e-billing'], assigneeId: expert.id })
  await call(request, app, 'approved-answer-create', { title: 'Double charge refunded', topic: 'e2e-billing', text: ANSWER, reviewBy: '2099-01-01' })
  const summary = 'Charged twice for the annual plan (e2e)'
  await call(request, app, 'conversation-create', { occurredAt: new Date().toISOString(), author: 'Pat Doe', summary, type: 'complaint', sentiment: 'negative', url: 'https://example.com/thread/1' })

  const w = new AppPage(page, app)
  await w.open('conversations')
  await openConversation(page, summary, 'new')
  const detail = page.getByTestId('conversation-detail')
  await expect(detail.getByTestId('conversation-url')).toHaveAttribute('href', 'https://example.com/thread/1')

  // Triage: the topic makes the billing rule match.
  await detail.getByLabel('Topic').fill('e2e-billing')
  await detail.getByTestId('triage-save').click()
  await expect(detail).toHaveAttribute('data-state', 'triaged')
  const proposal = detail.getByTestId('route-proposal')
  await expect(proposal).toContainText('Billing desk lead')
  await expect(proposal).toContainText('rule 1')
  await proposal.getByTestId('route-confirm').click()
  await expect(detail).toHaveAttribute('data-state', 'assigned')
  await expect(detail.getByTestId('current-assignee')).toContainText('Billing desk lead')

  // Reply with the approved answer, then record that it went out.
  await detail.getByTestId('answer-pick').selectOption({ label: 'Double charge refunded (e2e-billing)' })
  await detail.getByTestId('answer-insert').click()
  await expect(detail.getByTestId('reply-text')).toHaveValue(ANSWER)
  await detail.getByTestId('reply-sent').click()
  await expect(detail.getByTestId('first-response-due')).toContainText('answered')

  // Resolve with the support ticket.
  await detail.getByTestId('resolution').fill('Refunded; customer confirmed.')
  await detail.getByTestId('ticket-id').fill('SUP-4711')
  await detail.getByTestId('resolve').click()
  await expect(detail).toHaveAttribute('data-state', 'resolved')
  await expect(detail.getByTestId('resolution-text')).toContainText('support ticket SUP-4711')

  // The reply is stored with the conversation; the history records the assignment.
  const stored = await call<{ replyText: string; state: string; ticketId: string }>(request, app, 'conversation-get', { id: await idOf(request, app, summary) })
  expect(stored).toMatchObject({ replyText: ANSWER, state: 'resolved', ticketId: 'SUP-4711' })
  await detail.getByTestId('record-history').locator('summary').click()
  await expect(detail.getByTestId('history-entry').first()).toBeVisible()
})

async function idOf(request: APIRequestContext, app: Served, summary: string): Promise<string> {
  const list = await call<{ items: { id: string; summary: string }[] }>(request, app, 'inbox-list', { q: summary, state: ['new', 'triaged', 'assigned', 'waiting', 'resolved'] })
  const hit = list.items.find((c) => c.summary === summary)
  if (hit === undefined) throw new Error(`no conversation ${summary}`)
  return hit.id
}

test('an overdue conversation stands out in words, not colour alone', async ({ page, app, request }) => {
  const summary = 'Question left waiting for a month (e2e)'
  await call(request, app, 'conversation-create', { occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(), author: 'Sam Lee', summary, type: 'question' })
  const w = new AppPage(page, app)
  await w.open('conversations')
  await openConversation(page, summary, 'open')
  const row = page.locator('.dt-body [role="row"]', { hasText: summary })
  await expect(row.locator('[data-standing="overdue"]')).toHaveText(/Overdue/)
  await expect(page.getByTestId('conversation-detail').getByTestId('first-response-due')).toContainText('late')
  // The overdue filter keeps it.
  await page.getByTestId('inbox-overdue').click()
  await expect(page.getByTestId('inbox-overdue')).toHaveAttribute('aria-pressed', 'true')
  await expect(row).toBeVisible()
})

test('a refused desk setting is shown at its field and nothing is saved', async ({ page, app, request }) => {
  const before = await call<{ settings: { timeZone: string } }>(request, app, 'desk-settings-get', {})
  const w = new AppPage(page, app)
  await w.open('desk/hours')
  const form = page.getByTestId('desk-settings')
  await form.getByTestId('desk-zone').fill('Mars/Olympus_Mons')
  await form.getByTestId('target-complaint-normal-first').fill('0')
  await form.getByTestId('desk-settings-save').click()
  const zone = form.getByTestId('desk-zone')
  await expect(zone).toHaveAttribute('aria-invalid', 'true')
  const zoneError = page.locator(`#${await zone.getAttribute('aria-describedby').then((d) => (d ?? '').split(' ')[0])}`)
  await expect(zoneError).toBeVisible()
  await expect(zoneError).not.toHaveText('')
  await expect(form.getByTestId('target-complaint-normal-first')).toHaveAttribute('aria-invalid', 'true')
  const after = await call<{ settings: { timeZone: string } }>(request, app, 'desk-settings-get', {})
  expect(after.settings.timeZone).toBe(before.settings.timeZone)
})

test('the dashboard draws its charts, each with its numbers as a table', async ({ page, app }) => {
  const w = new AppPage(page, app)
  await w.open('desk')
  await expect(page.getByTestId('tab-dashboard')).toHaveAttribute('aria-selected', 'true')
  for (const id of ['desk-chart-targets', 'desk-chart-volume', 'desk-chart-sentiment', 'desk-chart-topics']) await expect(page.getByTestId(id)).toBeVisible()
  await expect(page.getByTestId('desk-kpis')).toContainText('Median first response')
  const volume = page.locator('section', { has: page.getByTestId('desk-chart-volume') })
  await volume.getByRole('button', { name: 'Show as table' }).click()
  await expect(volume.getByRole('table')).toBeVisible()
  // Keyboard: the tabs are one tab stop, arrows move between them.
  await page.getByTestId('tab-dashboard').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('tab-experts')).toBeFocused()
  await expect(page.getByTestId('tab-experts')).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/#\/desk\/experts/)
})

test('My work lists my overdue conversation, marked, and opens it in the inbox', async ({ page, app, request }) => {
  const me = await call<{ me: { id: string } | null }>(request, app, 'me-get', {})
  const expert = await call<{ id: string }>(request, app, 'expert-create', { name: 'Me on the desk (e2e)', memberId: me.me?.id ?? null })
  const summary = 'An old question assigned to me (e2e)'
  const c = await call<{ id: string }>(request, app, 'conversation-create', { occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString(), author: 'Kim Park', summary, type: 'question' })
  await call(request, app, 'conversation-assign', { id: c.id, assigneeId: expert.id })
  const w = new AppPage(page, app)
  await w.open('mine')
  const section = page.getByTestId('mine-conversations')
  await expect(section).toBeVisible()
  // A long section shows its first rows and a "Show all N" button for the rest.
  const more = section.getByRole('button', { name: /^Show all/ })
  if ((await more.count()) > 0) await more.click()
  const item = section.locator('li', { hasText: summary })
  await expect(item.locator('[data-standing="overdue"]')).toHaveText(/Overdue/)
  await item.getByRole('link', { name: summary }).click()
  await expect(page).toHaveURL(new RegExp(`#/conversations\\?id=${c.id}`))
  await expect(page.getByTestId('conversation-detail').locator('h2')).toHaveText(summary)
})

test('a routing rule limited to channels is made in the editor, read in its sentence and honoured by Try the rules', async ({ page, app, request }) => {
  await call(request, app, 'expert-create', { name: 'Forum desk (e2e)', team: 'Community' })
  const channels = (await call<{ items: { id: string; name: string }[] }>(request, app, 'channel-list', { limit: 50 })).items
  const [ours, other] = [channels[0], channels[1]]
  if (ours === undefined || other === undefined) throw new Error('the demo needs two channels')
  const w = new AppPage(page, app)
  await w.open('desk/routing')
  await page.getByTestId('create-record').click()
  const form = new RecordFormPage(page, 'routingRule')
  await form.fill('Rule number', '8')
  await form.fill('Name', 'Questions on our channel (e2e)')
  await form.choose('Propose', 'Forum desk (e2e)')
  await form.form.getByRole('group', { name: 'Types' }).getByLabel('Question').check()
  // Channels are picked by name from the workspace's channels, never typed as ids.
  const picker = form.form.getByRole('group', { name: 'Our channels' })
  await expect(picker.getByRole('checkbox')).toHaveCount(channels.length)
  await picker.getByLabel(ours.name, { exact: true }).check()
  await form.save()
  await expect(form.form).toHaveCount(0)

  const row = page.locator('.dt-body [role="row"]', { hasText: 'Questions on our channel (e2e)' })
  await expect(row).toContainText(`Question + on ${ours.name}`)
  const stored = (await call<{ items: { name: string; channelIds: string[] }[] }>(request, app, 'routing-rule-list', { limit: 100 })).items.find((r) => r.name === 'Questions on our channel (e2e)')
  expect(stored?.channelIds).toEqual([ours.id])

  // Try the rules: the same question proposes the forum desk on that channel, and falls through elsewhere.
  const tryIt = page.getByRole('region', { name: 'Try the rules' })
  await tryIt.getByLabel('Type', { exact: true }).selectOption({ label: 'Question' })
  await tryIt.getByTestId('try-channel').selectOption({ label: ours.name })
  await tryIt.getByRole('button', { name: 'Which rule?' }).click()
  await expect(tryIt.getByTestId('try-answer')).toHaveText(`Forum desk (e2e) — question + on ${ours.name} → Forum desk (e2e), rule 8`)
  await tryIt.getByTestId('try-channel').selectOption({ label: other.name })
  await tryIt.getByRole('button', { name: 'Which rule?' }).click()
  await expect(tryIt.getByTestId('try-answer')).not.toContainText('Forum desk (e2e)')
})

test('a conversation waiting for its author shows its clocks paused, not a due time', async ({ page, app, request }) => {
  const expert = await call<{ id: string }>(request, app, 'expert-create', { name: 'Waiting desk (e2e)', team: 'Support' })
  const summary = 'Which invoice was charged twice? (e2e waiting)'
  const c = await call<{ id: string }>(request, app, 'conversation-create', {
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(), author: 'Kim Roe', summary, type: 'complaint', assigneeId: expert.id, state: 'assigned'
  })
  const row = await call<{ state: string; waitingSince: string | null; nextDueAt: string | null }>(request, app, 'conversation-respond', { id: c.id, replyText: 'Which invoice number?', waitForAuthor: true })
  expect(row).toMatchObject({ state: 'waiting', nextDueAt: null })
  expect(row.waitingSince).not.toBeNull()
  const w = new AppPage(page, app)
  await w.open('conversations')
  await openConversation(page, summary, 'waiting')
  const listed = page.locator('.dt-body [role="row"]', { hasText: summary })
  await expect(listed.locator('[data-standing="paused"]')).toHaveText(/Paused/)
  const detail = page.getByTestId('conversation-detail')
  await expect(detail.getByTestId('resolution-due')).toContainText('Paused — waiting since')
  await expect(detail.getByTestId('waiting-banner')).toContainText('the response clocks are paused')
  // The author answers: the clocks run again, with a due time.
  await detail.getByTestId('author-answered').click()
  await expect(detail).toHaveAttribute('data-state', 'assigned')
  await expect(detail.getByTestId('resolution-due')).not.toContainText('Paused')
  const after = await call<{ waitingSince: string | null; waits: unknown[]; resolutionDueAt: string | null }>(request, app, 'inbox-get', { id: c.id })
  expect(after.waitingSince).toBeNull()
  expect(after.waits).toHaveLength(1)
  expect(after.resolutionDueAt).not.toBeNull()
})

test('the conversation import dialog says which tool it recognised, and a person can choose another source', async ({ page, app }) => {
  const headers = ['Query Id', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Language', 'Author', 'Full Text', 'Snippet', 'Resource Id', ...Array.from({ length: 30 }, (_, i) => `Metric ${i + 1}`)]
  const line = ['7', '2026-11-10 07:55:00', 'Atlas in the cold', 'https://www.reddit.com/r/PLC/comments/e2e-source/', 'reddit.com', 'neutral', 'reddit', 'en', 'coldchain_guy', 'Has anyone run Atlas below -30C?', 'Atlas below -30C?', 'r1', ...Array.from({ length: 30 }, () => '0')]
  const w = new AppPage(page, app)
  await w.open('conversations')
  await page.getByTestId('import-csv').click()
  const wizard = page.getByTestId('import-wizard')
  await wizard.getByTestId('import-file').setInputFiles({ name: 'brandwatch-full.csv', mimeType: 'text/csv', buffer: Buffer.from(`${headers.join(',')}\n${line.join(',')}\n`, 'utf8') })
  const source = wizard.getByTestId('import-source')
  await expect(source.locator('option:checked')).toHaveText('Recognised: Brandwatch')
  await expect(wizard.getByLabel('Field for column Page Type')).toHaveValue('_channel')
  // Generic: the columns are matched by their names alone; back to the recognised tool maps them again.
  await source.selectOption({ label: 'Generic (columns matched by name)' })
  await expect(wizard.getByTestId('import-dialect')).not.toContainText('brandwatch')
  await source.selectOption({ label: 'Recognised: Brandwatch' })
  await expect(wizard.getByTestId('import-dialect')).toContainText('Brandwatch columns')
  await wizard.getByTestId('import-next').click()
  await expect(wizard.getByTestId('import-apply')).toHaveText('Import 1 conversation')
})
