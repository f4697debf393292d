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
