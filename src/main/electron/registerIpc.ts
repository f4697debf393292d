import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Backend } from '../backend/backend'
import { dispatch } from '../backend/dispatch'

/**
 * The contract over IPC. Only our own window's main frame may call (the sender is checked against the
 * page we loaded); the input is parsed by `dispatch` like any other untrusted input.
 */
export function registerIpc(b: Backend, win: BrowserWindow, appUrl: string): () => void {
  const trusted = (e: IpcMainInvokeEvent) =>
    e.sender.id === win.webContents.id && e.senderFrame !== null && e.senderFrame.parent === null && e.senderFrame.url.startsWith(appUrl)
  ipcMain.handle('smo:call', async (e, method: unknown, input: unknown) => {
    if (!trusted(e) || typeof method !== 'string')
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the SMO Desk window only', issues: [] } }
    return dispatch(b, method, input)
  })
  const off = b.events.on((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send('smo:event', event, payload)
  })
  return () => {
    off()
    ipcMain.removeHandler('smo:call')
  }
}
