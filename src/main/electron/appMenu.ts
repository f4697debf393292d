// The application menu as data (only Electron's types are imported), so its shape is unit-tested
// and index.ts just hands it to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron'

export type MenuActions = {
  newWorkspace: () => void
  openWorkspace: () => void
  openRecent: (dir: string) => void
  clearRecent: () => void
  revealWorkspace: () => void
  undo: () => void
  redo: () => void
  setTheme: (theme: 'system' | 'light' | 'dark') => void
  openReadme: () => void
  reportProblem: () => void
}

export type MenuState = { platform: NodeJS.Platform; appName: string; recent: string[]; theme: 'system' | 'light' | 'dark' }

/** Standard roles and shortcuts per platform; Undo/Redo go to the app's own history, not the page's. */
export function appMenuTemplate(s: MenuState, a: MenuActions): MenuItemConstructorOptions[] {
  const mac = s.platform === 'darwin'
  const recent: MenuItemConstructorOptions[] =
    s.recent.length === 0
      ? [{ label: 'No recent workspaces', enabled: false }]
      : [...s.recent.map((dir): MenuItemConstructorOptions => ({ label: dir, click: () => a.openRecent(dir) })), { type: 'separator' }, { label: 'Clear menu', click: a.clearRecent }]
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: a.newWorkspace },
      { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: a.openWorkspace },
      { label: 'Open recent', submenu: recent },
      { type: 'separator' },
      { label: mac ? 'Reveal in Finder' : s.platform === 'win32' ? 'Show in Explorer' : 'Show in file manager', click: a.revealWorkspace },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: a.undo },
      { label: 'Redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: a.redo },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  }
  const themes = (['system', 'light', 'dark'] as const).map(
    (t): MenuItemConstructorOptions => ({ label: t === 'system' ? 'Follow system' : t === 'light' ? 'Light' : 'Dark', type: 'radio', checked: s.theme === t, click: () => a.setTheme(t) })
  )
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [{ role: 'reload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { label: 'Appearance', submenu: themes }, { role: 'togglefullscreen' }]
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'SMO Desk guide (README)', click: a.openReadme }, { label: 'Report a problem…', click: a.reportProblem }]
  }
  const macApp: MenuItemConstructorOptions[] = mac
    ? [{ label: s.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : []
  return [...macApp, file, edit, view, { role: 'windowMenu' }, help]
}
