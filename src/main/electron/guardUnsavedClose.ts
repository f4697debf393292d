import { dialog, type BrowserWindow } from 'electron'

/**
 * The desktop window's close prompt. The renderer raises `beforeunload` while a form holds unsaved
 * changes (drafts/useUnsavedGuard.ts); Electron does not show the browser's prompt but blocks the
 * close and emits `will-prevent-unload`, so the main process asks here. Nothing crosses the preload
 * bridge: the page only says "not now", as any web page may, and the decision stays in the main process.
 */
export function guardUnsavedClose(win: BrowserWindow, ask: Pick<typeof dialog, 'showMessageBoxSync'> = dialog): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = ask.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Close anyway', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'Close SMO Desk with unsaved changes?',
      detail: 'Your changes are kept as a draft on this computer and offered back when you open the record again.'
    })
    // preventDefault here overrides the page's beforeunload, letting the window close.
    if (choice === 0) event.preventDefault()
  })
}
