import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, screen, session, shell } from 'electron'
import { createBackend, type Backend } from '../backend/backend'
import { writeDemo } from '../backend/demo/writeDemo'
import { openWorkspace } from '../backend/openWorkspace'
import { startSyncScheduler, syncOnQuit } from '../backend/services/syncScheduler'
import { startDailyBackup } from '../backend/backup/dailyBackup'
import { defaultWorkspaceDir } from '../backend/userDataDir'
import { workspacePaths } from '../backend/workspacePaths'
import { WorkspaceError } from '../backend/workspaceError'
import { restoreWorkspace } from '../backend/backup/restoreWorkspace'
import { electronSecrets } from './electronSecrets'
import { electronSettings } from './electronSettings'
import { guardUnsavedClose } from './guardUnsavedClose'
import { registerIpc } from './registerIpc'
import { windowPlacement } from './windowPlacement'

/**
 * A damaged workspace is not used: before any window opens, say so and offer the newest backup that
 * passes the check (the damaged file is kept aside by the restore). Anything else is thrown on.
 */
async function offerRestore(dir: string, e: unknown) {
  const from = e instanceof WorkspaceError ? e.damaged?.restoreFrom : undefined
  if (!from || !(e instanceof WorkspaceError)) throw e
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: 'SMO Desk',
    message: 'This workspace is damaged and was not opened',
    detail: `${e.message}\n\nRestore ${from.name} now? The damaged file is kept beside it; changes made after the backup are not in it.`,
    buttons: ['Restore this backup', 'Quit'],
    defaultId: 0,
    cancelId: 1
  })
  if (choice !== 0) throw e
  await restoreWorkspace(dir, from.path)
  return openWorkspace(dir, { create: false, lock: 'desktop app' })
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

if (!app.requestSingleInstanceLock()) {
  // A second instance on this profile: the first one is told (second-instance) and focuses its window.
  app.quit()
} else {
  let win: BrowserWindow | null = null
  let backend: Backend | null = null

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  // Deny every navigation and new window; https links open in the system browser.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })

  app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
    )
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
    const settings = electronSettings((note) => dialog.showMessageBoxSync({ type: 'warning', title: 'SMO Desk', message: 'Settings were reset', detail: note }))
    const dir = defaultWorkspaceDir()
    try {
      const fresh = !existsSync(workspacePaths(dir).db)
      const ws = await openWorkspace(dir, { create: true, lock: 'desktop app' }).catch((e: unknown) => offerRestore(dir, e))
      backend = createBackend(ws, settings, electronSecrets())
      if (fresh) writeDemo(backend)
      startSyncScheduler(backend)
      startDailyBackup(backend)
    } catch (e) {
      dialog.showErrorBox('SMO Desk cannot open the workspace', e instanceof Error ? e.message : String(e))
      app.quit()
      return
    }
    // Primary display first: a window whose display is gone is centred there.
    const primary = screen.getPrimaryDisplay()
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
    const bounds = windowPlacement(settings.get().windowBounds, areas, { width: 1360, height: 860 })
    win = new BrowserWindow({
      width: bounds.width,
      height: bounds.height,
      x: bounds.x,
      y: bounds.y,
      minWidth: 900,
      minHeight: 600,
      title: 'SMO Desk',
      show: false,
      webPreferences: {
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: true
      }
    })
    if (bounds.maximized) win.maximize()
    const saveBounds = () => {
      if (!win || win.isDestroyed()) return
      settings.update({ windowBounds: { ...win.getNormalBounds(), maximized: win.isMaximized() } })
    }
    let timer: NodeJS.Timeout | null = null
    const later = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(saveBounds, 400)
    }
    win.on('resize', later)
    win.on('move', later)
    win.on('close', saveBounds)
    guardUnsavedClose(win)
    win.once('ready-to-show', () => win?.show())
    const devUrl = process.env.ELECTRON_RENDERER_URL
    const page = join(import.meta.dirname, '../renderer/index.html')
    const appUrl = devUrl ?? pathToFileURL(page).href
    registerIpc(backend, win, appUrl)
    if (devUrl) await win.loadURL(devUrl)
    else await win.loadFile(page)
  })

  app.on('window-all-closed', () => {
    // One last round so edits made just before quitting reach the team folder.
    if (backend) syncOnQuit(backend)
    backend?.close()
    app.quit()
  })
}
