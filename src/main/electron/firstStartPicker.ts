import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow } from 'electron'
import type { Backend } from '../backend/backend'
import { openChosenWorkspace } from '../backend/openChosenWorkspace'
import type { Workspace } from '../backend/openWorkspace'
import { pickerPage, pickerScript } from '../web/pickerPage'
import { pickerIpc } from './pickerIpc'
import { secureWebPreferences } from './secureWebPreferences'

export type Picked = { backend: Backend; dir: string; closePicker: () => void }

/**
 * First start of the desktop app with no workspace configured (issue #17 item 3): the browser host's
 * picker page (web/pickerPage.ts) in a small window — demo, new, open or join, with folder dialogs
 * and, for a team that uses one, a typed passphrase — sent through pickerIpc to the same
 * openChosenWorkspace. A refusal shows at its field and the person tries again. Resolves with the
 * opened workspace, the picker still open (hidden) so the app does not count as windowless before its
 * main window is up; `closePicker` closes it. Closing the picker instead resolves null.
 */
export function firstStartPicker(demoDir: string, recent: readonly string[], backendFor: (ws: Workspace) => Backend): Promise<Picked | null> {
  // The page and its script as files: the window's Content-Security-Policy allows scripts from 'self' only.
  const dir = mkdtempSync(join(app.getPath('temp'), 'smo-picker-'))
  const page = join(dir, 'picker.html')
  writeFileSync(page, pickerPage({ recent, suggested: { demo: demoDir, new: join(app.getPath('home'), 'SMO Desk workspace') } }))
  writeFileSync(join(dir, 'picker.js'), pickerScript)
  const win = new BrowserWindow({
    width: 760,
    height: 860,
    title: 'SMO Desk — choose a workspace',
    show: false,
    webPreferences: secureWebPreferences()
  })
  return new Promise((resolve) => {
    const off = pickerIpc({
      win,
      pageUrl: pathToFileURL(page).href,
      open: (choice) => openChosenWorkspace(choice, { lock: 'desktop app', backendFor }),
      onOpened: ({ backend, dir: opened }) => {
        // After the page has had its answer ("Opened. Loading SMO Desk…").
        setTimeout(() => win.hide(), 0)
        resolve({ backend, dir: opened, closePicker: () => (win.isDestroyed() ? undefined : win.destroy()) })
      }
    })
    win.once('ready-to-show', () => win.show())
    win.on('closed', () => {
      off()
      rmSync(dir, { recursive: true, force: true })
      resolve(null)
    })
    void win.loadFile(page)
  })
}
