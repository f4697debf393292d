// `npm run screenshots`: build, create a fresh demo workspace, serve it, and capture the main screens
// in Chromium into docs/screenshots/ so the README's pictures always show the current app.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'docs', 'screenshots')
mkdirSync(out, { recursive: true })
const smo = join(root, 'bin', 'smo.mjs')

if (!process.argv.includes('--no-build')) {
  const b = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) process.exit(1)
}
const tmp = mkdtempSync(join(tmpdir(), 'smo-shots-'))
const ws = join(tmp, 'Northwind Analytics')
// Settings of a machine of its own (`smo demo` makes the head of marketing *me* there, issue #14).
const env = { ...process.env, SMO_USER_DATA: join(tmp, 'userdata') }
const demo = spawnSync(process.execPath, [smo, 'demo', '--workspace', ws], { encoding: 'utf8', env })
if (demo.status !== 0) throw new Error(demo.stderr)
// A teammate's laptop sharing the workspace through a folder, so the Team sync card has something to show.
const team = join(tmp, 'Shared folder')
// An encrypted team with a snapshot, so the card shows the key's keeping and the latest snapshot.
const pass = join(tmp, 'team.pass')
writeFileSync(pass, 'screenshot passphrase\n')
for (const args of [
  ['sync', 'init', '--workspace', ws, '--folder', team, '--passphrase-file', pass],
  ['sync', 'join', '--workspace', join(tmp, 'Priya laptop'), '--folder', team, '--passphrase-file', pass],
  ['sync', 'snapshot', '--workspace', ws]
]) {
  const r = spawnSync(process.execPath, [smo, ...args], { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`smo ${args.join(' ')}: ${r.stderr}`)
}

const server = spawn(process.execPath, [smo, 'serve', '--workspace', ws, '--no-open', '--port', '0'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit']
})
const url = await new Promise((resolve, reject) => {
  let text = ''
  server.stdout.on('data', (c) => {
    text += c
    const m = /Ready: (\S+)/.exec(text)
    if (m) resolve(m[1])
  })
  server.once('exit', () => reject(new Error('smo serve stopped')))
})

// Each shot: screen hash, file name, colour scheme, optional section to scroll to, optional element (or elements, in turn) to click first.
const shots = [
  ['mine', 'my-work', 'light'],
  ['calendar', 'calendar', 'light'],
  ['board', 'board', 'light'],
  ['channels', 'channels', 'light'],
  ['priorities', 'priorities', 'light'],
  ['priorities', 'priorities-hours', 'light', 'section[aria-labelledby="prio-hours-title"]'],
  ['influencers', 'influencers', 'light'],
  // The inbox with its first (most overdue) conversation open in the detail panel.
  ['conversations', 'inbox', 'light', undefined, '.dt-body [role="row"]'],
  ['desk/dashboard', 'desk-dashboard', 'light'],
  ['goals', 'goals', 'light'],
  ['review', 'review', 'light'],
  // The registry with its first link chosen, its findings in the panel beside the table.
  ['links', 'links', 'light', undefined, '[data-testid="table-links"] .dt-body [role="gridcell"]'],
  // The calendar's import at its check step, with the Hootsuite sheet the dialog offers (made from the demo).
  ['calendar', 'import-check', 'light', undefined, ['[data-testid="import-csv"]', '[data-testid="sample-hootsuite-bulk-schedule.csv"]', '[data-testid="import-next"]']],
  // Goals → Import results with the GA4 sample: what matched, by which rule, and what did not and why.
  ['goals', 'results-import', 'light', undefined, ['[data-testid="results-open"]', '[data-testid="sample-ga4-traffic-acquisition.csv"]']],
  // Results by campaign with the first campaign chosen: the numbers behind it, with file, row and rule.
  ['results', 'results', 'light', undefined, '[data-testid="table-results-campaign"] .dt-body [role="gridcell"]'],
  ['settings', 'settings', 'light'],
  ['members', 'members', 'light'],
  ['settings', 'team-sync', 'light', '[data-testid="team-sync"]'],
  ['calendar', 'calendar-dark', 'dark'],
  ['priorities', 'priorities-dark', 'dark']
]
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  for (const [screen, file, scheme, scrollTo, click] of shots) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 })
    await page.goto(`${url}#/${screen}`)
    await page.getByTestId('nav').waitFor()
    // Let data load and charts finish their entry animation (the event stream keeps the network busy,
    // so there is no "network idle" to wait for).
    await page.waitForTimeout(1800)
    // Screens that compute (Priorities runs the model) show "Scoring…" first: wait for the answer.
    await page.waitForFunction(() => !/Loading|Scoring…/.test(document.querySelector('main')?.textContent ?? ''), null, { timeout: 60_000 })
    await page.waitForTimeout(300)
    for (const target of click === undefined ? [] : Array.isArray(click) ? click : [click]) {
      await page.locator(target).first().click()
      await page.waitForTimeout(1200)
    }
    if (scrollTo) {
      // The section's top at the top of the window: a tall section would otherwise show only its end.
      await page.locator(scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.waitForTimeout(300)
    }
    await page.screenshot({ path: join(out, `${file}.png`) })
    await page.close()
    console.log(`docs/screenshots/${file}.png`)
  }
} finally {
  await browser.close()
  // Wait for the host to close the workspace before removing its folder.
  await new Promise((resolve) => {
    server.once('exit', resolve)
    server.kill('SIGTERM')
  })
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 })
}
