import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Backend } from '../backend/backend'
import type { ChoiceResult, WorkspaceChoice } from '../backend/openChosenWorkspace'
import { workspaceChoiceInput } from '../backend/workspaceChoiceInput'

/** The picker page's answer: the same shape the browser host's `POST /api/picker-open` sends. */
export type PickerAnswer =
  | { ok: true; data: { dir: string } }
  | { ok: false; error: { code: 'invalid_input' | 'conflict' | 'forbidden'; message: string; field?: 'path' | 'teamFolder' | 'passphrase'; issues: { path: string[]; message: string }[] } }

const FOLDER_DIALOGS = {
  path: { title: 'Choose the folder for the workspace', buttonLabel: 'Choose' },
  teamFolder: { title: 'Choose the team folder your team shares', buttonLabel: 'Join this team' }
} as const

/**
 * The desktop picker window's two IPC calls (issue #17 item 3): `smo:picker-open` opens the choice
 * typed on the page — a team passphrase included, which a system dialog could not take — and
 * `smo:picker-folder` shows a folder dialog for one of the page's folder fields. Only the picker
 * window's own page may call; its input is parsed like any other untrusted input. A refusal names
 * its field, so the page shows it there and the person corrects it and tries again.
 */
export function pickerIpc(opts: {
  win: BrowserWindow
  pageUrl: string
  open: (choice: WorkspaceChoice) => Promise<ChoiceResult>
  onOpened: (opened: { backend: Backend; dir: string }) => void
}): () => void {
  const trusted = (e: IpcMainInvokeEvent) =>
    e.sender.id === opts.win.webContents.id && e.senderFrame !== null && e.senderFrame.parent === null && e.senderFrame.url.startsWith(opts.pageUrl)
  const refuse = (code: 'invalid_input' | 'conflict' | 'forbidden', message: string, field?: 'path' | 'teamFolder' | 'passphrase'): PickerAnswer => ({
    ok: false,
    error: { code, message, field, issues: field ? [{ path: [field], message }] : [] }
  })
  let opening = false
  let opened = false
  ipcMain.handle('smo:picker-open', async (e, input: unknown): Promise<PickerAnswer> => {
    if (!trusted(e)) return refuse('forbidden', 'Only the SMO Desk picker window may open a workspace')
    const parsed = workspaceChoiceInput.safeParse(input)
    if (!parsed.success) return refuse('invalid_input', 'Choose what to open and type a folder.', 'path')
    // Two clicks open one workspace; after it is open, the window is on its way out.
    if (opening || opened) return refuse('conflict', 'A workspace is being opened already.', 'path')
    opening = true
    try {
      const r = await opts.open(parsed.data)
      if (!r.ok) return refuse('invalid_input', r.message, r.field)
      opened = true
      opts.onOpened({ backend: r.backend, dir: r.dir })
      return { ok: true, data: { dir: r.dir } }
    } finally {
      opening = false
    }
  })
  ipcMain.handle('smo:picker-folder', async (e, field: unknown): Promise<string | null> => {
    if (!trusted(e) || (field !== 'path' && field !== 'teamFolder')) return null
    const r = await dialog.showOpenDialog(opts.win, { ...FOLDER_DIALOGS[field], properties: ['openDirectory', 'createDirectory'] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  })
  return () => {
    ipcMain.removeHandler('smo:picker-open')
    ipcMain.removeHandler('smo:picker-folder')
  }
}
