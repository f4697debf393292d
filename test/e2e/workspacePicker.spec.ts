import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { axeScan, describeFindings } from './pages/axeScan'

const smo = join(process.cwd(), 'bin', 'smo.mjs')

/** `smo serve` with no --workspace, its settings in `userData`: what a first start in a browser looks like. */
function serveWithoutWorkspace(userData: string): Promise<{ url: string; stop: () => Promise<void>; out: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SMO_USER_DATA: userData }
  delete env.SMO_WORKSPACE
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [smo, 'serve', '--no-open', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`smo serve did not start: ${out}`)), 30_000)
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Ready: (\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ url: m[1], out: () => out, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) })
      }
    })
    child.once('exit', (code) => reject(new Error(`smo serve exited with ${code}: ${out}`)))
  })
}

test('first start in the browser: a bad path is refused at the field, the demo opens on the calendar, and the next start reopens it', async ({ page }) => {
  // Two server starts and a demo workspace written from the page.
  test.setTimeout(180_000)
  const root = mkdtempSync(join(tmpdir(), 'smo-e2e-picker-'))
  const userData = join(root, 'userdata')
  const aFile = join(root, 'notes.txt')
  writeFileSync(aFile, 'not a workspace')
  const demo = join(root, 'my demo')
  try {
    let app = await serveWithoutWorkspace(userData)
    try {
      await page.goto(app.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a workspace')
      const found = await axeScan(page)
      expect(found, `axe on the picker:\n${describeFindings(found)}`).toEqual([])

      // Open a file: one sentence at the field, nothing opened.
      await page.getByTestId('picker-open').check()
      await page.getByTestId('picker-path').fill(aFile)
      await page.getByTestId('picker-go').click()
      await expect(page.getByTestId('picker-path-error')).toHaveText(`${aFile} is a file, not a workspace folder. Choose the folder that holds workspace.sqlite.`)
      await expect(page.getByTestId('picker-path')).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByTestId('picker-path')).toBeFocused()
      // A folder that is not there.
      await page.getByTestId('picker-path').fill(join(root, 'nowhere'))
      await page.getByTestId('picker-go').click()
      await expect(page.getByTestId('picker-path-error')).toContainText(`There is no folder at ${join(root, 'nowhere')}.`)
      expect(existsSync(join(root, 'nowhere'))).toBe(false)

      // The demo, in a folder of the person's choosing.
      await page.getByTestId('picker-demo').check()
      await page.getByTestId('picker-path').fill(demo)
      await page.getByTestId('picker-go').click()
      const me = page.getByTestId('me-picker')
      await expect(me).toBeVisible({ timeout: 30_000 })
      await me.getByLabel('I am').selectOption({ index: 1 })
      await me.getByTestId('me-pick-save').click()
      await expect(page.locator('[data-testid="calendar-grid"][data-ready="true"]')).toBeVisible()
      await expect(page.locator('[data-testid="cal-day"] [data-id]').first()).toBeVisible()
      expect(existsSync(join(demo, 'workspace.sqlite'))).toBe(true)
    } finally {
      await app.stop()
    }
    const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { lastWorkspace: string; recentWorkspaces: string[] }
    expect(settings.lastWorkspace).toBe(demo)
    expect(settings.recentWorkspaces).toEqual([demo])

    // Next time: straight into the same workspace, no picker.
    app = await serveWithoutWorkspace(userData)
    try {
      await page.goto(app.url)
      await expect(page.getByTestId('nav')).toBeVisible()
      await expect(page.getByTestId('picker-screen')).toHaveCount(0)
    } finally {
      await app.stop()
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test('the same picker page in the desktop window: folder dialogs, and a team passphrase typed, refused at its field and corrected (bridge stood in for)', async ({ page }) => {
  // The desktop host loads this page with a preload bridge (window.smoPicker, electron/pickerIpc.ts);
  // Electron cannot run here, so the bridge is stood in for and the page is served by the browser host.
  test.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'smo-e2e-picker-desktop-'))
  try {
    const app = await serveWithoutWorkspace(join(root, 'userdata'))
    try {
      await page.addInitScript(() => {
        const sent: unknown[] = []
        Object.assign(window, {
          sent,
          smoPicker: {
            chooseFolder: async (field: string) => (field === 'teamFolder' ? '/shared/Dropbox/SMO team' : '/home/sam/SMO copy'),
            open: async (choice: { passphrase?: string }) => {
              sent.push(choice)
              if (choice.passphrase === 'correct horse') return { ok: true, data: { dir: '/home/sam/SMO copy' } }
              const message = choice.passphrase ? 'The passphrase does not open this team folder. Check it with the person who set up sync.' : 'This team folder is locked with a passphrase: type it.'
              return { ok: false, error: { code: 'invalid_input', message, field: 'passphrase', issues: [] } }
            }
          }
        })
      })
      await page.goto(app.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a workspace')
      await page.getByTestId('picker-join').check()
      await page.getByTestId('picker-choose-path').click()
      await expect(page.getByTestId('picker-path')).toHaveValue('/home/sam/SMO copy')
      await page.getByTestId('picker-choose-team-folder').click()
      await expect(page.getByTestId('picker-team-folder')).toHaveValue('/shared/Dropbox/SMO team')
      const found = await axeScan(page)
      expect(found, `axe on the desktop picker:\n${describeFindings(found)}`).toEqual([])

      await page.getByTestId('picker-go').click()
      await expect(page.getByTestId('picker-passphrase-error')).toHaveText('This team folder is locked with a passphrase: type it.')
      await expect(page.getByTestId('picker-passphrase')).toBeFocused()
      await page.getByTestId('picker-passphrase').fill('wrong horse')
      await page.getByTestId('picker-go').click()
      await expect(page.getByTestId('picker-passphrase-error')).toContainText('does not open this team folder')
      await expect(page.getByTestId('picker-passphrase')).toHaveAttribute('aria-invalid', 'true')
      await page.getByTestId('picker-passphrase').fill('correct horse')
      await page.getByTestId('picker-go').click()
      await expect(page.getByRole('status')).toHaveText('Opened. Loading SMO Desk…')
      await expect(page.getByTestId('picker-passphrase-error')).toHaveText('')
      const sent = await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent)
      expect(sent).toEqual([
        { action: 'join', path: '/home/sam/SMO copy', teamFolder: '/shared/Dropbox/SMO team', passphrase: '' },
        { action: 'join', path: '/home/sam/SMO copy', teamFolder: '/shared/Dropbox/SMO team', passphrase: 'wrong horse' },
        { action: 'join', path: '/home/sam/SMO copy', teamFolder: '/shared/Dropbox/SMO team', passphrase: 'correct horse' }
      ])
    } finally {
      await app.stop()
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
