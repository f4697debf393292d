import { calendarDates } from '../../src/core/calendar/calendarDates'
import { quarter } from '../../src/core/goals/quarter'
import { expect, test } from './fixtures'
import { axeScan, describeFindings } from './pages/axeScan'
import { PrioritiesPage } from './pages/PrioritiesPage'

// One demo workspace per file; the tests build on each other (saved weights, then a pin).
test.describe.configure({ mode: 'serial' })

test('a weight slider re-ranks live, Save keeps it across a reload', async ({ page, app }) => {
  const p = new PrioritiesPage(page, app)
  await p.open('priorities')
  await p.ready()
  const before = await p.order()
  await expect(p.saveButton()).toBeDisabled()

  await p.setWeight('Qualified demo requests', 0)
  await p.setWeight('Community questions answered within 24h', 0)
  // The model answers from the backend: wait until its new order is on screen (and not an empty table).
  await expect.poll(async () => { const o = await p.order(); return o.length > 0 && o.join() !== before.join() }).toBe(true)
  await expect(page.getByText('Updating…')).toHaveCount(0)
  const whatIf = await p.order()
  await expect(page.getByText('What-if: not saved')).toBeVisible()

  await p.saveButton().click()
  await expect(p.saveButton()).toBeDisabled()
  await p.reload()
  await p.ready()
  await expect(p.slider('Qualified demo requests')).toHaveValue('0')
  await expect(p.slider('Community questions answered within 24h')).toHaveValue('0')
  expect(await p.order()).toEqual(whatIf)
})

test('a pin needs a reason, is shown with it, and is honoured in the allocation', async ({ page, app }) => {
  const p = new PrioritiesPage(page, app)
  await p.open('priorities')
  await p.ready()
  const channelId = await p.unfundedChannel()
  expect(await p.hours(channelId)).toBe(0)

  await p.allocationRow(channelId).getByTestId('pin-create').click()
  await expect(p.pinDialog()).toBeVisible()
  await p.pinDialog().getByTestId('pin-min-hours').fill('3')
  await p.pinDialog().getByTestId('pin-save').click()
  await expect(p.pinDialog().getByTestId('pin-reason-error')).toContainText('Write down why')
  await expect(p.allocationRow(channelId).getByTestId('pin-create')).toHaveCount(1)

  await p.pinDialog().getByTestId('pin-reason').fill('   ')
  await p.pinDialog().getByTestId('pin-save').click()
  await expect(p.pinDialog().getByTestId('pin-reason-error')).toContainText('Write down why')

  const reason = 'Analysts quote this channel; keep it alive through Q4'
  await p.pinDialog().getByTestId('pin-reason').fill(reason)
  await p.pinDialog().getByTestId('pin-save').click()
  await expect(p.pinDialog()).toBeHidden()
  await expect(p.allocationRow(channelId).getByTestId('pin-shown')).toContainText(reason)
  await expect.poll(() => p.hours(channelId)).toBeGreaterThanOrEqual(3)

  await p.reload()
  await p.ready()
  await expect(p.allocationRow(channelId).getByTestId('pin-shown')).toContainText(reason)
  expect(await p.hours(channelId)).toBeGreaterThanOrEqual(3)

  await p.allocationRow(channelId).getByTestId('pin-remove').click()
  await expect(p.allocationRow(channelId).getByTestId('pin-create')).toBeVisible()
  await expect.poll(() => p.hours(channelId)).toBe(0)
})

test('stale estimates and duplicates are called out; a channel opens with its history', async ({ page, app }) => {
  const p = new PrioritiesPage(page, app)
  await p.open('priorities')
  await p.ready()
  await expect(page.getByTestId('stale-notice')).toContainText('older than 90 days')
  await expect(page.getByTestId('duplicate-notice')).toContainText('same platform and handle')
  await expect(page.locator('[data-testid="allocation-row"] [data-flag="duplicate"]')).toHaveCount(2)
  await page.getByTestId('priority-name').filter({ hasText: 'LinkedIn company page' }).click()
  const drawer = page.getByTestId('channel-page')
  await expect(drawer.getByTestId('channel-duplicate')).toContainText('LinkedIn – Northwind Analytics (imported)')
  await expect(drawer.getByTestId('channel-metric-chart')).toBeVisible()
  await expect(drawer.getByText(/^Published \(\d+\)$/)).toBeVisible()
})

test('the channel list flags both duplicates and opens a channel page', async ({ page, app }) => {
  const p = new PrioritiesPage(page, app)
  await p.open('channels')
  await expect(page.getByTestId('duplicate-badge')).toHaveCount(2)
  await expect(page.getByTestId('open-channel-page')).toBeDisabled()
  await page.getByText('Northwind blog', { exact: true }).click()
  await page.getByTestId('open-channel-page').click()
  await expect(page.getByTestId('channel-page')).toContainText('Planned (')
  await expect(page.getByTestId('channel-page').getByTestId('channel-duplicate')).toHaveCount(0)
})

test('the model: scenarios with where the hours come from, ranks that say how often they hold, RICE and goal sensitivity', async ({ page, app }) => {
  const p = new PrioritiesPage(page, app)
  await p.open('priorities')
  await p.ready()
  await expect(page.getByTestId('scenario-statement')).toContainText('re-divided')
  await expect(page.getByTestId('hours-source')).toContainText('Within today’s plan')
  await expect(page.getByTestId('rank-holds').first()).toHaveText(/^holds in \d+ %$/)
  // One model on the screen: ranks from it (a tie says so), the first model's table and scatter are gone.
  await expect(page.getByTestId('model-rank').first()).toHaveText(/^#1(–\d+tied)?$/)
  await expect(page.getByRole('heading', { name: 'Impact against effort' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Score from the estimates' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Plain RICE, for comparison' })).toBeVisible()
  // A paused channel gets no hours, so one post more is not offered: it says "paused".
  const paused = page.getByTestId('allocation-row').filter({ hasText: 'Snowpine partner newsletter' })
  await expect(paused).toHaveAttribute('data-hours', '0')
  await expect(paused.getByTestId('plus-one')).toHaveText('paused')
  // The rates' scroll area is reachable by keyboard and named.
  const rates = page.getByRole('region', { name: /Rates per channel and goal/ })
  await expect(rates).toHaveAttribute('tabindex', '0')
  // Nothing in the model's table runs past its card at 1440 px.
  await page.setViewportSize({ width: 1440, height: 900 })
  const overflow = await page.getByTestId('allocation').evaluate((t) => t.getBoundingClientRect().right - (t.closest('.card')?.getBoundingClientRect().right ?? 0))
  expect(overflow).toBeLessThanOrEqual(0)
  await expect(page.getByTestId('predicted').first()).toContainText('–')
  await expect(page.getByTestId('goal-predictions')).toContainText('weeks left')
  // Each goal's kind in words, as the Goals screen names it, not the stored value ("(count)").
  await expect(page.getByTestId('goal-predictions')).toContainText('· Count or total')
  await expect(page.getByTestId('goal-predictions')).not.toContainText('(count)')
  // A goal no channel moves is not "predicted 0": it says posting does not move it and what to do instead.
  const unmoved = page.getByTestId('goal-predictions').getByRole('row').filter({ hasText: 'Hours saved per published piece' })
  await expect(unmoved.getByTestId('goal-not-predicted')).toHaveText('Not predicted: posting does not move this goal')
  await expect(unmoved).toContainText('Track it by hand, or link it to the channels that move it')
  await expect(page.getByTestId('goal-not-predicted')).toHaveCount(1)
  await expect(page.getByLabel('Weight of Hours saved per published piece').locator('..')).toContainText('no share')
  await expect(page.getByTestId('rice-sentence')).not.toBeEmpty()
  // Only the goal inputs that move a rank are named, each with the rank at −20 % and at +20 %.
  await expect(page.getByTestId('sensitivity')).toContainText(/Goal inputs that move it: .+ \(#\d+ at −20 %, #\d+ at \+20 %\)|No goal weight, target or baseline moves it/)
  await expect(page.getByTestId('sensitivity')).not.toContainText('Goal inputs:')

  await page.getByTestId('scenario-picker').selectOption('plus')
  await page.getByTestId('scenario-hours').fill('6')
  await expect(page.getByTestId('hours-source')).toContainText('+6 h/week beyond today’s plan')
  await page.getByTestId('scenario-picker').selectOption('targets')
  await expect(page.getByTestId('scenario-statement')).toContainText(/target/)
  await expect(page.getByTestId('scenario-statement')).toContainText('Not counted: Hours saved per published piece')
  await expect(page.getByTestId('scenario-statement')).not.toContainText('Hours saved per published piece 0 %')
})

test('plan next quarter: once it has a goal, Priorities plans its hours over its whole period, its goal linked by KPI', async ({ page, app, request }) => {
  const api = async <T,>(method: string, data: unknown): Promise<T> => {
    const r = await request.post(`${app.base}/api/${method}`, { headers: { authorization: `Bearer ${app.token}` }, data })
    expect(r.ok(), `${method}: ${await r.text()}`).toBe(true)
    return ((await r.json()) as { data: T }).data
  }
  const list = await api<{ quarter: string; asOf: string; goals: { id: string; name: string; kpiName: string; kpiUnit: string }[] }>('score-list', {})
  const current = quarter.containing(list.asOf)
  const next = quarter.containing(calendarDates.addDays(current.end, 1)).key
  const model = await api<{ goals: { goalId: string; predicted: boolean; kind: string }[] }>('score-model', {})
  const same = list.goals.find((g) => model.goals.find((m) => m.goalId === g.id && m.predicted && m.kind !== 'rate'))
  if (same === undefined) throw new Error('the demo has no predicted count goal')
  const objective = `${same.kpiName} in ${next}`
  await api('goal-create', { objective, driver: 'revenue', kpiName: same.kpiName, kpiUnit: same.kpiUnit, quarter: next, baseline: 0, target: 1000 })

  const p = new PrioritiesPage(page, app)
  await p.open('priorities')
  await p.ready()
  const pick = page.getByTestId('plan-quarter')
  await expect(pick.locator('option')).toHaveText([new RegExp(`^${current.key} · this quarter, \\d+ days left$`), `${next} · starts ${quarter.of(next).start}`])
  await pick.selectOption(next)
  await expect(page.locator('#prio-weights-title')).toHaveText(`Goal weights · ${next}`)
  // Priorities names a goal by its KPI: the only goal of that quarter.
  await expect(page.getByRole('slider')).toHaveCount(1)
  await expect(page.getByRole('slider', { name: `Weight of ${same.kpiName}` })).toBeVisible()
  await expect(page.getByText(`Predicted over the whole of ${next}`)).toBeVisible()
  await expect(page.getByRole('columnheader', { name: `Predicted, ${next} (80 %)` })).toBeVisible()
  const row = page.getByTestId('goal-predictions').getByRole('row').filter({ hasText: same.kpiName })
  await expect(row).toBeVisible()
  // Predicted through the channels' links to this quarter's goal of the same KPI, not "not predicted".
  await expect(row.getByTestId('goal-not-predicted')).toHaveCount(0)
  const findings = await axeScan(page, '.prio-grid-top')
  expect(findings, describeFindings(findings)).toEqual([])
  await pick.selectOption(current.key)
  await expect(page.locator('#prio-weights-title')).toHaveText(`Goal weights · ${current.key}`)
})
