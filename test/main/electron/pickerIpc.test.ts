/**
 * The desktop picker's IPC (#17 item 3): a team that uses a passphrase is joined from the picker
 * window with the passphrase typed on its page — a wrong or missing one is refused at that field and
 * can be corrected — through the same openChosenWorkspace as the browser host. Real temp folders, a
 * real team folder made with a passphrase; only Electron's ipcMain and dialog are stood in for (the
 * Electron binary is not installed on test machines).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBackend, type Backend } from '../../../src/main/backend/backend'
import { openChosenWorkspace } from '../../../src/main/backend/openChosenWorkspace'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { memorySettings } from '../../../src/main/backend/settings/memorySettings'
import { syncSetup } from '../../../src/main/backend/services/syncService'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const handlers = new Map<string, (e: unknown, ...args: unknown[]) => unknown>()
const dialogs: unknown[] = []
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (e: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel)
  },
  dialog: {
    showOpenDialog: async (_win: unknown, options: unknown) => (dialogs.push(options), { canceled: false, filePaths: ['/chosen/folder'] })
  }
}))

const { pickerIpc } = await import('../../../src/main/electron/pickerIpc')

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
beforeEach(() => {
  handlers.clear()
  dialogs.length = 0
})

const pageUrl = 'file:///tmp/smo-picker-x/picker.html'
const win = { webContents: { id: 3 } }
const fromPicker = { sender: { id: 3 }, senderFrame: { url: pageUrl, parent: null } }

/** A team folder made by another computer, with a passphrase. */
async function teamWithPassphrase(passphrase: string): Promise<{ root: string; teamFolder: string }> {
  const t = tempDir('smo-picker-ipc-')
  cleanups.push(t.cleanup)
  const teamFolder = join(t.dir, 'Dropbox')
  mkdirSync(teamFolder)
  const founder = await tempBackend()
  cleanups.push(founder.cleanup)
  syncSetup(founder.b, { mode: 'create', folder: teamFolder, passphrase, deviceName: 'Priya' })
  return { root: t.dir, teamFolder }
}

function picker(root: string) {
  const opened: { backend: Backend; dir: string }[] = []
  const off = pickerIpc({
    win: win as never,
    pageUrl,
    open: (choice) => openChosenWorkspace(choice, { lock: 'desktop app', backendFor: (ws) => createBackend(ws, memorySettings(), fileSecrets(join(root, 'userdata'))) }),
    onOpened: (o) => opened.push(o)
  })
  cleanups.push(() => opened.forEach((o) => o.backend.close()))
  const open = (input: unknown, event: unknown = fromPicker) => handlers.get('smo:picker-open')?.(event, input) as Promise<{ ok: boolean; error?: { field?: string; message: string } }>
  return { opened, off, open }
}

describe('the desktop picker over IPC', () => {
  it('joins a team with a passphrase typed on the page; a missing or wrong one is refused at that field, leaving nothing behind', async () => {
    const { root, teamFolder } = await teamWithPassphrase('correct horse battery')
    const { opened, open } = picker(root)
    const mine = join(root, 'my copy')

    const missing = await open({ action: 'join', path: mine, teamFolder })
    expect(missing.ok).toBe(false)
    expect(missing.error?.field).toBe('passphrase')
    expect(existsSync(join(mine, 'workspace.sqlite'))).toBe(false)

    const wrong = await open({ action: 'join', path: mine, teamFolder, passphrase: 'wrong horse' })
    expect(wrong.ok).toBe(false)
    expect(wrong.error?.field).toBe('passphrase')
    expect(wrong.error?.message).toMatch(/passphrase/i)
    expect(opened).toEqual([])

    const right = await open({ action: 'join', path: mine, teamFolder, passphrase: 'correct horse battery' })
    expect(right).toEqual({ ok: true, data: { dir: mine } })
    expect(opened.map((o) => o.dir)).toEqual([mine])
    expect(existsSync(join(mine, 'workspace.sqlite'))).toBe(true)
    // Once open, the window is on its way out: a second choice is not opened.
    expect((await open({ action: 'demo', path: join(root, 'demo') })).ok).toBe(false)
    expect(opened).toHaveLength(1)
  })

  it('answers only the picker page, parses the choice, shows folder dialogs for the two folder fields only, and unregisters', async () => {
    const t = tempDir('smo-picker-ipc-')
    cleanups.push(t.cleanup)
    const { opened, off, open } = picker(t.dir)
    const elsewhere = { sender: { id: 3 }, senderFrame: { url: 'https://example.com/', parent: null } }
    const subframe = { sender: { id: 3 }, senderFrame: { url: pageUrl, parent: {} } }
    for (const e of [elsewhere, subframe, { ...fromPicker, sender: { id: 9 } }]) expect((await open({ action: 'demo', path: join(t.dir, 'demo') }, e)).error?.message).toMatch(/picker window/)
    expect((await open({ action: 'delete-everything', path: '/' })).error).toMatchObject({ field: 'path', message: 'Choose what to open and type a folder.' })
    expect(opened).toEqual([])

    const folder = handlers.get('smo:picker-folder')
    expect(await folder?.(fromPicker, 'teamFolder')).toBe('/chosen/folder')
    expect(dialogs).toEqual([expect.objectContaining({ title: 'Choose the team folder your team shares', properties: ['openDirectory', 'createDirectory'] })])
    expect(await folder?.(fromPicker, 'somewhere')).toBeNull()
    expect(await folder?.(elsewhere, 'path')).toBeNull()
    expect(dialogs).toHaveLength(1)

    off()
    expect([...handlers.keys()]).toEqual([])
  })
})
