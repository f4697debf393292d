/**
 * While a large import's writer thread holds the write lock (importWriteHold.ts), this process keeps
 * answering: reads at once, writes after the import, the import's own progress and Cancel at once, and
 * a write that reaches SQLite anyway fails at once with a sentence instead of waiting out the busy timeout.
 */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/backend/dispatch'
import { holdWrites, writesHeld } from '../../../src/main/backend/services/importWriteHold'
import { startDeskScan } from '../../../src/main/backend/services/deskScanTimer'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { actAsOwner, tempBackend } from '../helpers/tempWorkspace'

type Temp = Awaited<ReturnType<typeof tempBackend>>
let t: Temp
beforeEach(async () => {
  t = await tempBackend()
})
afterEach(() => t.cleanup())

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false
  void p.then(() => (done = true))
  await new Promise((r) => setTimeout(r, 50))
  return done
}

describe('writes while an import is written by its own thread', () => {
  it('reads answer at once; a write waits for the import and is then saved; the import’s own calls never wait', async () => {
    const release = holdWrites(t.b, 'calendar.csv')
    expect(writesHeld(t.b)?.file).toBe('calendar.csv')
    expect(await settled(dispatch(t.b, 'channel-list', {}))).toBe(true)
    expect(await settled(dispatch(t.b, 'import-progress', { job: 'none' }))).toBe(true)
    const write = dispatch(t.b, 'channel-create', { name: 'Made during the import', platform: 'blog' })
    expect(await settled(write)).toBe(false)
    release()
    expect(await write).toMatchObject({ ok: true })
    expect(writesHeld(t.b)).toBeUndefined()
    release()
  })

  it('a write that reaches SQLite while another connection holds the lock fails at once, saying why', async () => {
    // The demo has conversations past their targets: a scan escalates them, a write by a "read" method.
    writeDemo(t.b)
    actAsOwner(t.b)
    const other = new Database(t.b.ws.paths.db)
    other.exec('BEGIN IMMEDIATE')
    const release = holdWrites(t.b, 'calendar.csv')
    try {
      const started = Date.now()
      // The desk scan's own entry point, as its timer would call it, is skipped; a direct write is refused.
      const stop = startDeskScan(t.b, { firstAfterMs: 0, everyMs: 60_000, log: (m) => expect.fail(m) })
      await new Promise((r) => setTimeout(r, 30))
      stop()
      const refused = await dispatch(t.b, 'desk-scan', {})
      expect(Date.now() - started).toBeLessThan(2_000)
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Nothing was changed: an import of calendar.csv is being written into this workspace. Try again when it is done.' } })
    } finally {
      other.exec('ROLLBACK')
      other.close()
      release()
    }
    // The connection's busy timeout is back.
    expect(t.b.db.raw.pragma('busy_timeout', { simple: true })).toBe(5000)
  })
})
