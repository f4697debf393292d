import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

// The Electron binary is not installed on test machines; the guard only needs the dialog's type.
vi.mock('electron', () => ({ dialog: { showMessageBoxSync: () => 1 } }))

const { guardUnsavedClose } = await import('../../../src/main/electron/guardUnsavedClose')

/** A window whose page blocked unloading (a form with unsaved changes raised beforeunload). */
function blockedClose(answer: number) {
  const webContents = new EventEmitter()
  const win = { webContents }
  const asked: unknown[] = []
  guardUnsavedClose(win as never, { showMessageBoxSync: (...args: unknown[]) => (asked.push(args[1]), answer) } as never)
  const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true } }
  webContents.emit('will-prevent-unload', event)
  return { event, asked }
}

describe('the desktop window close prompt', () => {
  it('asks, and "Close anyway" lets the window close over the page\'s beforeunload', () => {
    const { event, asked } = blockedClose(0)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({ message: 'Close SMO Desk with unsaved changes?', buttons: ['Close anyway', 'Keep editing'], cancelId: 1 })
    expect(event.defaultPrevented).toBe(true)
  })

  it('"Keep editing" (or Esc) keeps the window open', () => {
    const { event } = blockedClose(1)
    expect(event.defaultPrevented).toBe(false)
  })
})
