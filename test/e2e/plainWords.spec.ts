import type { Page } from '@playwright/test'
import { enums } from '../../src/core/domain/enums'
import { kindNames, recordKinds } from '../../src/core/domain/recordKinds'
import { glossary } from '../../src/renderer/src/components/glossary'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

/*
 * Issue 13 item 9: no internal words on screen. Every screen of the demo workspace (and the forms
 * that open from it) is read as a person sees it — the text, tooltips, labels for screen readers,
 * placeholders and the options of every list — and checked against a deny-list.
 */
const DENY: readonly (readonly [RegExp, string])[] = [
  [/\bengines?\b/i, 'the internal word "engine"'],
  [/\bnull\b/, '"null"'],
  [/\bundefined\b/, '"undefined"'],
  [/\bNaN\b/, '"NaN"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/\b[0-9A-HJKMNP-TV-Z]{26}\b/, 'a raw record id (ULID)'],
  // The stored form of a choice (in_review) or a field's code name (publishZone) instead of its label.
  [new RegExp(`\\b(${Object.values(enums).flatMap((e) => e.options).filter((v) => v.includes('_')).join('|')})\\b`), 'a raw value like in_review'],
  [new RegExp(`\\b(${[...new Set(kindNames.flatMap((k) => Object.keys(recordKinds[k].fields.shape)))].filter((f) => /[A-Z]/.test(f)).join('|')})\\b`), 'a field code name like publishZone']
]

const SCREENS = ['calendar', 'board', 'channels', 'priorities', 'influencers', 'conversations', 'desk', 'goals', 'review', 'campaigns', 'links', 'members', 'settings']

/** What a person can read on the page: the text, tooltips, accessible names, placeholders and list options. */
function shownStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = document.body.innerText.split('\n')
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]'))
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a)
        if (v !== null) out.push(v)
      }
    for (const o of document.querySelectorAll('option')) out.push(o.textContent ?? '')
    return out.filter((s) => s.trim() !== '')
  })
}

function denied(strings: readonly string[]): string[] {
  const hits: string[] = []
  for (const s of strings) for (const [re, what] of DENY) if (re.test(s)) hits.push(`${what}: "${s.slice(0, 120)}"`)
  return [...new Set(hits)]
}

test('no internal words, raw ids, raw enum values or null/undefined on any screen or form', async ({ page, app }) => {
  test.setTimeout(240_000)
  const shell = new AppPage(page, app)
  await shell.open('calendar')
  const hits: string[] = []
  for (const screen of SCREENS) {
    await shell.go(screen)
    await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page')
    // Let the screen's queries land: no "Loading…" and no busy marker once the data is in.
    await expect(page.locator('main')).not.toContainText('Loading')
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    hits.push(...denied(await shownStrings(page)).map((h) => `${screen}: ${h}`))
    const create = page.locator('[data-testid="create-record"]:visible').first()
    if ((await create.count()) > 0 && (await create.isEnabled())) {
      await create.click()
      await page.getByTestId('record-dialog').waitFor()
      hits.push(...denied(await shownStrings(page)).map((h) => `${screen} form: ${h}`))
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('record-dialog')).toHaveCount(0)
    }
  }
  await shell.go('calendar')
  await page.locator('[data-testid="calendar-grid"][data-ready="true"]').waitFor()
  await page.locator('[data-testid="cal-day"]:not(.day-outside) [data-testid="cal-item"]').first().click()
  await page.getByTestId('item-panel').waitFor()
  hits.push(...denied(await shownStrings(page)).map((h) => `content editor: ${h}`))
  expect(hits).toEqual([])
})

test('"pin" is explained where it is shown, with the glossary\'s sentence', async ({ page, app }) => {
  const shell = new AppPage(page, app)
  await shell.open('priorities')
  const term = page.locator('abbr[data-term="pin"]').first()
  await expect(term).toBeVisible()
  await expect(term).toHaveAttribute('title', `${glossary.pin.term}: ${glossary.pin.meaning}`)
  // Every term the page marks is one the glossary defines, with its sentence.
  const marked = await page.locator('abbr[data-term]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-term') ?? '', e.getAttribute('title') ?? '']))
  for (const [id, title] of marked) {
    const g = glossary[id as keyof typeof glossary]
    expect(g, `term "${id}" is not in the glossary`).toBeDefined()
    expect(title).toBe(`${g.term}: ${g.meaning}`)
  }
})
