import { app, dialog, type BrowserWindow } from 'electron'
import electronUpdater from 'electron-updater'
import { updateFeed } from '../../core/settings/updateFeed'

const SIX_HOURS = 6 * 60 * 60 * 1000

/**
 * Updates from the feed an administrator configured (settings `updateFeed`), off when there is none.
 * electron-updater checks each download against the sha512 in latest.yml and, on Windows and macOS,
 * that the new build is signed by the same publisher. "Restart to update" is only offered; quitting
 * goes through the window's unsaved-changes guard and the last sync round like any quit, so nothing
 * being written is cut off. Otherwise the update installs when the app next quits.
 */
export function startUpdates(feed: string | null, win: () => BrowserWindow | null, log: (line: string) => void): void {
  const parsed = updateFeed(feed)
  if (!parsed.ok) return log(`updates: ${parsed.message}`)
  if (parsed.url === null || !app.isPackaged) return
  const { autoUpdater } = electronUpdater
  autoUpdater.setFeedURL({ provider: 'generic', url: parsed.url })
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.on('error', (e: Error) => log(`updates: ${e.message}`))
  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    const w = win()
    const options = {
      type: 'info' as const,
      title: 'SMO Desk',
      message: `SMO Desk ${info.version} is ready`,
      detail: 'Restart now to use it, or keep working: it is installed the next time you quit.',
      buttons: ['Restart to update', 'Later'],
      defaultId: 0,
      cancelId: 1
    }
    void (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options)).then((r) => {
      if (r.response === 0) autoUpdater.quitAndInstall()
    })
  })
  const check = () => void autoUpdater.checkForUpdates().catch((e: unknown) => log(`updates: ${e instanceof Error ? e.message : String(e)}`))
  check()
  setInterval(check, SIX_HOURS).unref()
}
