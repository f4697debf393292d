import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session, shell } from 'electron'
import { createBackend, type Backend } from '../backend/backend'
import { writeDemo } from '../backend/demo/writeDemo'
import { openWorkspace } from '../backend/openWorkspace'
import { startSyncScheduler, syncOnQuit } from '../backend/services/syncScheduler'
import { startDeskScan } from '../backend/services/deskScanTimer'
import { startDailyBackup } from '../backend/backup/dailyBackup'
import { defaultWorkspaceDir } from '../backend/userDataDir'
import { workspacePaths } from '../backend/workspacePaths'
import { WorkspaceError } from '../backend/workspaceError'
import { restoreWorkspace } from '../backend/backup/restoreWorkspace'
import { electronSecrets } from './electronSecrets'
import { electronSettings } from './electronSettings'
import { guardUnsavedClose } from './guardUnsavedClose'
import { startOsNotifications } from './osNotifications'
import { watchWaitingCount } from '../backend/people/watchWaitingCount'
import { registerIpc } from './registerIpc'
import { addRecent, pruneRecent } from '../../core/settings/recentWorkspaces'
import { checkWorkspacePath } from '../backend/checkWorkspacePath'
import { appLogFile, diagnosticBundle } from '../backend/diagnose/diagnosticBundle'
import { appLog } from '../backend/log/appLog'
import { teeConsoleToLog } from '../backend/log/teeConsoleToLog'
import { appMenuTemplate } from './appMenu'
import { startUpdates } from './updates'
import { workspaceArg } from './workspaceArg'
import { windowPlacement } from './windowPlacement'
import { firstStartPicker } from './firstStartPicker'
import { secureWebPreferences } from './secureWebPreferences'

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
  // A second instance on this profile: the first one is told (second-instance), focuses its window
  // and opens the workspace passed on the command line, if any.
  app.quit()
} else {
  // The main process's warnings and errors (updater, sync, crashes) go to logs/smo.log as well.
  teeConsoleToLog(appLog(appLogFile(app.getPath('userData')), { source: 'desktop' }))
  let win: BrowserWindow | null = null
  let backend: Backend | null = null
  let unregister: (() => void) | null = null
  let stopNotifications: (() => void) | null = null
  let appUrl = ''
  // Opened on first use (after ready): a damaged settings file is moved aside and the user told.
  let settingsPort: ReturnType<typeof electronSettings> | null = null
  const settings = () =>
    (settingsPort ??= electronSettings((note) => dialog.showMessageBoxSync({ type: 'warning', title: 'SMO Desk', message: 'Settings were reset', detail: note })))

  const say = (message: string, detail: string) =>
    win ? void dialog.showMessageBox(win, { type: 'warning', title: 'SMO Desk', message, detail }) : dialog.showErrorBox(message, detail)

  const buildMenu = () => {
    const s = settings().get()
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          { platform: process.platform, appName: app.name, recent: s.recentWorkspaces, theme: s.theme },
          {
            newWorkspace: () => void pickFolder('Choose an empty folder for the new workspace', 'create'),
            openWorkspace: () => void pickFolder('Open a workspace folder', 'open'),
            openRecent: (dir) => void switchTo(dir, 'open'),
            clearRecent: () => (settings().update({ recentWorkspaces: [] }), buildMenu()),
            revealWorkspace: () => backend && shell.showItemInFolder(backend.ws.paths.db),
            // The keystroke goes to the page as if typed: a text field undoes its typing, anywhere
            // else the calendar's own history (useHistory) undoes the last change.
            undo: () => sendShortcut(false),
            redo: () => sendShortcut(true),
            setTheme: (theme) => {
              nativeTheme.themeSource = theme
              settings().update({ theme })
              buildMenu()
            },
            openReadme: () => void shell.openPath(join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'README.md')),
            reportProblem: () => void reportProblem()
          }
        )
      )
    )
  }

  const sendShortcut = (redo: boolean) => {
    if (!win) return
    const modifiers: ('meta' | 'control' | 'shift')[] = [process.platform === 'darwin' ? 'meta' : 'control', ...(redo ? (['shift'] as const) : [])]
    for (const type of ['keyDown', 'keyUp'] as const) win.webContents.sendInputEvent({ type, keyCode: 'Z', modifiers })
  }

  const pickFolder = async (title: string, intent: 'open' | 'create') => {
    const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] }
    const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options))
    if (!r.canceled && r.filePaths[0]) await switchTo(r.filePaths[0], intent)
  }

  /** Open another workspace; any refusal leaves the current one open and untouched. */
  const switchTo = async (path: string, intent: 'open' | 'create'): Promise<boolean> => {
    const verdict = checkWorkspacePath(path, { intent })
    if (!verdict.ok) {
      say('This workspace was not opened', verdict.message)
      return false
    }
    if (backend && backend.ws.paths.dir === verdict.dir) return true
    let next: Backend
    try {
      const ws = await openWorkspace(verdict.dir, { create: intent === 'create', lock: 'desktop app' }).catch((e: unknown) => offerRestore(verdict.dir, e))
      next = createBackend(ws, settings(), electronSecrets())
    } catch (e) {
      say('This workspace was not opened', e instanceof Error ? e.message : String(e))
      return false
    }
    if (backend) {
      unregister?.()
      syncOnQuit(backend)
      backend.close()
    }
    backend = next
    startSyncScheduler(backend)
    startDailyBackup(backend)
    startDeskScan(backend)
    const s = settings().get()
    settings().update({ lastWorkspace: verdict.dir, recentWorkspaces: addRecent(s.recentWorkspaces, verdict.dir) })
    buildMenu()
    if (win) {
      unregister = registerIpc(backend, win, appUrl)
      win.reload()
    }
    return true
  }

  const reportProblem = async () => {
    const stamp = new Date().toISOString().slice(0, 10)
    const options: Electron.SaveDialogOptions = {
      title: 'Save a diagnostic bundle',
      defaultPath: join(app.getPath('desktop'), `smo-desk-diagnostics-${stamp}.zip`),
      filters: [{ name: 'Zip', extensions: ['zip'] }]
    }
    const r = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options))
    if (r.canceled || !r.filePath) return
    const zip = await diagnosticBundle({ workspaceDir: backend?.ws.paths.dir ?? '', settings: settings().get(), logFile: appLogFile(app.getPath('userData')), now: new Date() })
    writeFileSync(r.filePath, zip)
    shell.showItemInFolder(r.filePath)
  }

  app.on('second-instance', (_e, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
    const dir = workspaceArg(argv, app.isPackaged)
    if (dir) void switchTo(dir, 'open')
  })
  // macOS: a workspace file double-clicked in Finder or dropped on the dock icon.
  app.on('open-file', (e, path) => {
    e.preventDefault()
    if (app.isReady()) void switchTo(path, 'open')
    else process.argv.push(path)
  })

  // Deny every navigation and new window; https links open in the system browser.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })

  const createWindow = async () => {
    if (!backend) return
    // Primary display first: a window whose display is gone is centred there.
    const primary = screen.getPrimaryDisplay()
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
    const bounds = windowPlacement(settings().get().windowBounds, areas, { width: 1360, height: 860 })
    const w = new BrowserWindow({
      width: bounds.width,
      height: bounds.height,
      x: bounds.x,
      y: bounds.y,
      minWidth: 900,
      minHeight: 600,
      title: 'SMO Desk',
      show: false,
      webPreferences: secureWebPreferences({ spellcheck: true })
    })
    win = w
    if (bounds.maximized) w.maximize()
    const saveBounds = () => {
      if (w.isDestroyed()) return
      settings().update({ windowBounds: { ...w.getNormalBounds(), maximized: w.isMaximized() } })
    }
    let timer: NodeJS.Timeout | null = null
    const later = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(saveBounds, 400)
    }
    w.on('resize', later)
    w.on('move', later)
    w.on('close', saveBounds)
    w.on('closed', () => {
      unregister?.()
      unregister = null
      if (win === w) win = null
    })
    guardUnsavedClose(w)
    w.once('ready-to-show', () => w.show())
    const devUrl = process.env.ELECTRON_RENDERER_URL
    const page = join(import.meta.dirname, '../renderer/index.html')
    appUrl = devUrl ?? pathToFileURL(page).href
    unregister = registerIpc(backend, w, appUrl)
    stopNotifications?.()
    const stopOs = startOsNotifications(backend, () => (win?.isMinimized() && win.restore(), win?.focus()))
    // The dock (macOS) or launcher (Linux) badge: the things waiting on me, as My work counts them.
    const stopBadge = watchWaitingCount(backend, (n) => app.setBadgeCount(n))
    stopNotifications = () => (stopOs(), stopBadge())
    if (devUrl) await w.loadURL(devUrl)
    else await w.loadFile(page)
  }

  app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
    )
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
    const s = settings().get()
    nativeTheme.themeSource = s.theme
    const pruned = pruneRecent(s.recentWorkspaces, (d) => existsSync(d))
    if (pruned.note) settings().update({ recentWorkspaces: pruned.kept })
    // The workspace named on the command line, else the last one, else the default (demo) folder.
    const asked = workspaceArg(process.argv, app.isPackaged)
    const last = s.lastWorkspace && checkWorkspacePath(s.lastWorkspace, { intent: 'open' }).ok ? s.lastWorkspace : null
    // Nothing configured yet (no workspace asked for, none opened before, no default one): ask.
    if (!asked && !last && !process.env.SMO_WORKSPACE && !existsSync(workspacePaths(defaultWorkspaceDir()).db)) {
      const picked = await firstStartPicker(defaultWorkspaceDir(), pruned.kept, (ws) => createBackend(ws, settings(), electronSecrets()))
      if (!picked) {
        app.quit()
        return
      }
      backend = picked.backend
      startSyncScheduler(backend)
      startDailyBackup(backend)
      settings().update({ lastWorkspace: picked.dir, recentWorkspaces: addRecent(settings().get().recentWorkspaces, picked.dir) })
      buildMenu()
      await createWindow()
      picked.closePicker()
      startUpdates(settings().get().updateFeed, () => win, (line) => console.warn(`[smo] ${line}`))
      return
    }
    const dir = asked ?? last ?? defaultWorkspaceDir()
    try {
      const verdict = checkWorkspacePath(dir, { intent: existsSync(workspacePaths(dir).db) || asked ? 'open' : 'create' })
      if (!verdict.ok) throw new Error(verdict.message)
      const fresh = !existsSync(workspacePaths(verdict.dir).db)
      const ws = await openWorkspace(verdict.dir, { create: true, lock: 'desktop app' }).catch((e: unknown) => offerRestore(verdict.dir, e))
      backend = createBackend(ws, settings(), electronSecrets())
      // The person is asked who they are at first start (issue #14), not made the demo's owner.
      if (fresh) writeDemo(backend, { pickMe: false })
      startSyncScheduler(backend)
      startDailyBackup(backend)
      startDeskScan(backend)
      settings().update({ lastWorkspace: verdict.dir, recentWorkspaces: addRecent(settings().get().recentWorkspaces, verdict.dir) })
    } catch (e) {
      dialog.showErrorBox('SMO Desk cannot open the workspace', e instanceof Error ? e.message : String(e))
      app.quit()
      return
    }
    buildMenu()
    await createWindow()
    startUpdates(settings().get().updateFeed, () => win, (line) => console.warn(`[smo] ${line}`))
    if (pruned.note) say('Open recent was tidied', pruned.note)
  })

  // macOS: the app stays running with no window and the dock icon brings one back.
  app.on('activate', () => {
    if (!win && backend) void createWindow()
  })

  const shutDown = () => {
    // One last round so edits made just before quitting reach the team folder.
    if (backend) syncOnQuit(backend)
    backend?.close()
    backend = null
  }
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return
    shutDown()
    app.quit()
  })
  app.on('will-quit', shutDown)
}
