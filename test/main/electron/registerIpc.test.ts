import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { tempBackend } from '../helpers/tempWorkspace'

// The Electron binary is not installed on test machines; the IPC registration only needs ipcMain.
const handlers = new Map<string, (e: unknown, ...args: unknown[]) => unknown>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (e: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel)
  }
}))

const { registerIpc } = await import('../../../src/main/electron/registerIpc')

let b: Backend
let cleanup: () => void
const sent: unknown[][] = []
const win = {
  webContents: { id: 7, send: (...args: unknown[]) => sent.push(args) },
  isDestroyed: () => false
}
const appUrl = 'file:///app/out/renderer/index.html'
const event = (over: { senderId?: number; url?: string; parent?: object | null } = {}) => ({
  sender: { id: over.senderId ?? 7 },
  senderFrame: { url: over.url ?? `${appUrl}#/channels`, parent: over.parent === undefined ? null : over.parent }
})

beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend())
  handlers.clear()
  sent.length = 0
})
afterEach(() => cleanup())

describe('desktop host IPC', () => {
  it('answers calls from our own window through the contract, and forwards data-changed', async () => {
    const off = registerIpc(b, win as never, appUrl)
    const call = handlers.get('smo:call')
    expect(call).toBeDefined()
    const r = (await call?.(event(), 'member-create', { name: 'Ada' })) as { ok: boolean }
    expect(r.ok).toBe(true)
    expect(sent[0]?.[0]).toBe('smo:event')
    expect(sent[0]?.[1]).toBe('data-changed')
    const bad = (await call?.(event(), 'member-create', { name: '' })) as { ok: boolean; error: { code: string } }
    expect(bad.error.code).toBe('invalid_input')
    off()
    expect(handlers.has('smo:call')).toBe(false)
  })

  it('refuses other windows, sub-frames and pages that are not ours', async () => {
    registerIpc(b, win as never, appUrl)
    const call = handlers.get('smo:call')
    for (const e of [event({ senderId: 8 }), event({ url: 'https://evil.example/' }), event({ parent: {} })]) {
      const r = (await call?.(e, 'member-list', {})) as { ok: boolean; error: { code: string } }
      expect(r.ok).toBe(false)
      expect(r.error.code).toBe('forbidden')
    }
  })
})
