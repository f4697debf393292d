// The preload bridge: the contract's call and subscribe, nothing else. It stays CommonJS (see
// electron.vite.config.ts) so the renderer keeps sandbox: true, and imports only 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

type Listener = (payload: unknown) => void

contextBridge.exposeInMainWorld('smo', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('smo:call', method, input),
  subscribe: (event: string, listener: Listener): (() => void) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on('smo:event', handler)
    return () => {
      ipcRenderer.removeListener('smo:event', handler)
    }
  }
})

// The first-start picker window's page (web/pickerPage.ts, electron/pickerIpc.ts): open the choice
// typed there, and show a folder dialog for one of its fields. The main process answers these only
// while the picker is up, and only to the picker's own page.
contextBridge.exposeInMainWorld('smoPicker', {
  open: (choice: unknown): Promise<unknown> => ipcRenderer.invoke('smo:picker-open', choice),
  chooseFolder: (field: string): Promise<string | null> => ipcRenderer.invoke('smo:picker-folder', field)
})
