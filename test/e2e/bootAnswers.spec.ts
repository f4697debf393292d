import { expect, test } from './fixtures'

/**
 * The browser host's boot answer (#17): the calendar's first screen is drawn from what the boot script
 * asked for while the app loaded, without asking the server for its month, names or shell state one
 * by one; after that, the page asks the server as before, so changes still show up live.
 */
test.describe('boot answers on a cold start', () => {
  test('the calendar draws its first month without a calendar-month request, then follows a change live', async ({ page, app }) => {
    const asked: string[] = []
    const months: string[] = []
    let drawn = false
    page.on('request', (r) => {
      const m = /\/api\/([a-z-]+)$/.exec(new URL(r.url()).pathname)
      if (!m?.[1] || drawn) return
      asked.push(m[1])
      if (m[1] === 'calendar-month') {
        const input = JSON.parse(r.postData() ?? '{}') as { from?: string; to?: string }
        months.push(`${input.from}..${input.to}`)
      }
    })
    await page.goto(`${app.url}#/calendar`)
    const firstItem = page.locator('[data-testid="cal-day"] [data-id]').first()
    await firstItem.waitFor()
    drawn = true
    expect(asked).toContain('boot')
    // The month on screen came with the boot answer. Its neighbours are fetched ahead as soon as it is
    // drawn, which can happen before this test sees the first item: those may be asked, the shown one not.
    const shown = await page.getByTestId('calendar-grid').getAttribute('data-range')
    expect(months, 'the shown month came from the boot answer').not.toContain(shown)
    for (const method of ['me-get', 'workspace-info', 'sync-status', 'calendar-backlog', 'channel-list', 'member-list'])
      expect(asked, `${method} came from the boot answer`).not.toContain(method)

    // A change made elsewhere (another tab, the CLI) still reaches the calendar: the boot answer was used once.
    const today = await page.evaluate(() => {
      const d = new Date()
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    })
    const headers = { authorization: `Bearer ${app.token}` }
    const channels = (await (await page.request.post(`${app.base}/api/channel-list`, { headers, data: { limit: 1 } })).json()) as { data: { items: { id: string }[] } }
    const created = await page.request.post(`${app.base}/api/content-create`, {
      headers,
      data: { title: 'Boot answer live check', channelId: channels.data.items[0]?.id, plannedDate: today }
    })
    expect(created.ok()).toBe(true)
    await expect(page.locator(`[data-testid="cal-day"][data-date="${today}"]`)).toContainText('Boot answer live check')
  })

  test('the page runs no inline script but its own boot script, and keeps its strict policy', async ({ page, app }) => {
    const res = await page.goto(`${app.url}#/calendar`)
    const scriptSrc = res?.headers()['content-security-policy']?.split('; ').find((d) => d.startsWith('script-src')) ?? ''
    expect(scriptSrc).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]+'$/)
    const inline = await page.evaluate(() => [...document.scripts].filter((s) => s.src === '').map((s) => s.text))
    expect(inline).toHaveLength(1)
    expect(inline[0]).toContain("fetch('/api/boot'")
    // Any other inline script is refused: one added to the page does not run.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script')
      s.text = 'window.injectedRan = true'
      document.head.appendChild(s)
      await new Promise((r) => setTimeout(r, 50))
      return (window as { injectedRan?: boolean }).injectedRan === true
    })
    expect(ran).toBe(false)
  })
})
