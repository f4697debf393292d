/**
 * When sync runs by itself (syncScheduler, SYNC.md §2.12): a debounced round after local edits, a
 * round when a teammate's files change, the periodic poll, one last round on quit, `runNow`; our own
 * device folder, temp files and changes that sync itself applied start nothing; never two rounds at
 * once; a failing round is logged and the next one still runs.
 *
 * The round and the watcher are injected, and timers are faked, so every count below is exact and
 * does not depend on how loaded the machine is. One test uses the real fs.watch on a real folder and
 * only waits (generously) for something that must happen.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { recordService } from '../../../src/main/backend/services/recordService'
import { schedulerOf, startSyncScheduler, syncOnQuit } from '../../../src/main/backend/services/syncScheduler'
import type { FolderWatcher, SchedulerOptions, SyncScheduler } from '../../../src/main/backend/services/syncScheduler'
import { setSyncFolder } from '../../../src/main/backend/services/syncService'
import { TEAM_FOLDER_NAME } from '../../../src/main/backend/sync/teamFolder'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const c of cleanups.splice(0).reverse()) c()
})

const DEBOUNCE = 3000
const POLL = 60_000
/** The scheduler's first round comes this long after it starts. */
const FIRST = 500
const OTHER = 'a1b2c3d4e5f60718'

type Harness = {
  b: Backend
  dir: string
  s: SyncScheduler
  rounds: () => number
  /** Fires the injected watcher as the file system would, with a path relative to the team folder. */
  fire: (name: string | null) => void
  watcherClosed: () => boolean
  logs: string[]
}

async function backendWithTeamFolder(): Promise<{ b: Backend; dir: string }> {
  const ws = await tempBackend()
  cleanups.push(ws.cleanup)
  const t = tempDir('smo-sync-sched-')
  cleanups.push(t.cleanup)
  const dir = join(t.dir, TEAM_FOLDER_NAME)
  mkdirSync(join(dir, 'devices', OTHER), { recursive: true })
  setSyncFolder(ws.b, dir)
  return { b: ws.b, dir }
}

/** A scheduler on a real workspace whose rounds are counted (and may be replaced) and whose watcher is fired by hand. */
async function start(opts: SchedulerOptions = {}): Promise<Harness> {
  const { b, dir } = await backendWithTeamFolder()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  let n = 0
  let listener: ((name: string | null) => void) | null = null
  let closed = false
  const logs: string[] = []
  const watcher: FolderWatcher = { close: () => void (closed = true), on: () => watcher }
  const s = startSyncScheduler(b, {
    debounceMs: DEBOUNCE,
    pollMs: POLL,
    log: (m) => logs.push(m),
    round: () => void n++,
    watch: (watchedDir, fn) => {
      expect(watchedDir).toBe(dir)
      listener = fn
      return watcher
    },
    ...opts
  })
  cleanups.push(() => s.stop())
  return {
    b,
    dir,
    s,
    rounds: () => n,
    fire: (name) => {
      if (!listener) throw new Error('not watching')
      listener(name)
    },
    watcherClosed: () => closed,
    logs
  }
}

const edit = (b: Backend): void => void recordService.create(b, 'channel', { name: `Channel ${Math.random()}`, platform: 'blog' })

describe('sync scheduler', () => {
  beforeEach(() => {
    vi.useRealTimers()
  })

  it('runs a first round shortly after start, then one round a debounce after local edits', async () => {
    const h = await start()
    expect(h.rounds()).toBe(0)
    vi.advanceTimersByTime(FIRST)
    expect(h.rounds()).toBe(1)

    edit(h.b)
    vi.advanceTimersByTime(DEBOUNCE - 1)
    expect(h.rounds()).toBe(1)
    // Another edit inside the window pushes the round back: typing a title is one round, not ten.
    edit(h.b)
    vi.advanceTimersByTime(DEBOUNCE - 1)
    expect(h.rounds()).toBe(1)
    vi.advanceTimersByTime(1)
    expect(h.rounds()).toBe(2)
    vi.advanceTimersByTime(DEBOUNCE * 5)
    expect(h.rounds()).toBe(2)
  })

  it('changes that sync itself applied, or another workspace made, start no round', async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    h.b.events.emit('data-changed', { tx: 'sync', kinds: ['channel'], ids: ['x'] })
    h.b.events.emit('data-changed', { tx: `${OTHER}:7`, kinds: ['channel'], ids: ['x'] })
    vi.advanceTimersByTime(DEBOUNCE * 5)
    expect(h.rounds()).toBe(1)
    h.b.events.emit('data-changed', { tx: `${h.b.ws.deviceId}:99`, kinds: ['channel'], ids: ['x'] })
    vi.advanceTimersByTime(DEBOUNCE)
    expect(h.rounds()).toBe(2)
  })

  it("a teammate's file starts a round; our own device folder and temp files do not", async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    const own = join('devices', h.b.ws.deviceId)
    // Every round writes our manifest: if that counted, sync would run in a loop.
    h.fire(own)
    h.fire(join(own, 'state-0190f3c2a7b10000a1b2c3d4e5f60718.json'))
    h.fire(join(own, 'ops-000000000001-000000000004.log'))
    // Half-written files, ours or a teammate's: the rename that completes them fires again.
    h.fire(join('devices', OTHER, 'ops-000000000001-000000000002.log.tmp-1a2b3c4d'))
    h.fire('TEAM.json.tmp-0f0f0f0f')
    vi.advanceTimersByTime(DEBOUNCE * 5)
    expect(h.rounds()).toBe(1)

    h.fire(join('devices', OTHER, 'ops-000000000001-000000000002.log'))
    vi.advanceTimersByTime(DEBOUNCE - 1)
    expect(h.rounds()).toBe(1)
    vi.advanceTimersByTime(1)
    expect(h.rounds()).toBe(2)
    // A device id that merely starts like ours is someone else.
    h.fire(join('devices', `${h.b.ws.deviceId}0`, 'x.log'))
    vi.advanceTimersByTime(DEBOUNCE)
    expect(h.rounds()).toBe(3)
    // Some platforms do not say which file changed: look anyway.
    h.fire(null)
    vi.advanceTimersByTime(DEBOUNCE)
    expect(h.rounds()).toBe(4)
  })

  it('polls: a round every pollMs when nothing else happens (watchers miss events on SMB and cloud folders)', async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    expect(h.rounds()).toBe(1)
    vi.advanceTimersByTime(POLL - FIRST - 1)
    expect(h.rounds()).toBe(1)
    // The poll's zero-delay timeout runs within a millisecond (Node clamps 0 to 1).
    vi.advanceTimersByTime(2)
    expect(h.rounds()).toBe(2)
    vi.advanceTimersByTime(POLL * 3)
    expect(h.rounds()).toBe(5)
  })

  it('runNow runs at once and replaces the pending debounced round', async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    edit(h.b)
    h.s.runNow()
    expect(h.rounds()).toBe(2)
    vi.advanceTimersByTime(DEBOUNCE * 2)
    expect(h.rounds()).toBe(2)
  })

  it('never runs two rounds at once: a round asked for during a round runs right after it', async () => {
    let active = 0
    let most = 0
    let calls = 0
    let s: SyncScheduler | null = null
    const h = await start({
      round: () => {
        active++
        most = Math.max(most, active)
        calls++
        // The first round's own events ask for another round (a "Sync now" click handled mid-round).
        if (calls === 1) s?.runNow()
        active--
      }
    })
    s = h.s
    vi.advanceTimersByTime(FIRST)
    expect(calls).toBe(2)
    expect(most).toBe(1)
    vi.advanceTimersByTime(DEBOUNCE * 2)
    expect(calls).toBe(2)
  })

  it('a failing round is logged and the scheduler carries on', async () => {
    let calls = 0
    const h = await start({
      round: () => {
        calls++
        if (calls === 1) throw new Error('the team folder went away mid-round')
      }
    })
    vi.advanceTimersByTime(FIRST)
    expect(calls).toBe(1)
    expect(h.logs).toEqual(['sync: the team folder went away mid-round'])
    edit(h.b)
    vi.advanceTimersByTime(DEBOUNCE)
    expect(calls).toBe(2)
    vi.advanceTimersByTime(POLL)
    expect(calls).toBe(3)
    expect(h.logs).toHaveLength(1)
  })

  it('quitting runs exactly one last round, even with a debounced one pending, and then nothing', async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    edit(h.b)
    expect(schedulerOf(h.b)).toBe(h.s)
    syncOnQuit(h.b)
    expect(h.rounds()).toBe(2)
    expect(schedulerOf(h.b)).toBeUndefined()
    expect(h.watcherClosed()).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    edit(h.b)
    h.fire(join('devices', OTHER, 'ops-000000000009-000000000009.log'))
    h.s.runNow()
    vi.advanceTimersByTime(POLL * 3)
    expect(h.rounds()).toBe(2)
  })

  it('stop alone ends every trigger without a round', async () => {
    const h = await start()
    vi.advanceTimersByTime(FIRST)
    edit(h.b)
    h.s.stop()
    // No timer left behind (the poll interval included) to keep a closing process alive.
    expect(vi.getTimerCount()).toBe(0)
    h.fire(join('devices', OTHER, 'ops-000000000009-000000000009.log'))
    vi.advanceTimersByTime(POLL * 3)
    expect(h.rounds()).toBe(1)
  })

  it('does nothing for a workspace without a team folder', async () => {
    const h = await start()
    h.b.settings.update({ syncFolders: {} })
    edit(h.b)
    vi.advanceTimersByTime(POLL * 2)
    h.s.runNow()
    expect(h.rounds()).toBe(0)
  })

  it('with the real fs.watch, a file written into a teammate folder starts a round', async () => {
    const { b, dir } = await backendWithTeamFolder()
    let n = 0
    const s = startSyncScheduler(b, { debounceMs: 20, pollMs: 24 * 3600_000, round: () => void n++ })
    cleanups.push(() => s.stop())
    await vi.waitFor(() => expect(n).toBe(1), { timeout: 15_000, interval: 20 })
    // The first round set up the watcher; now a teammate's file arrives through the sync client.
    writeFileSync(join(dir, 'devices', OTHER, 'ops-000000000001-000000000001.log'), 'x\n')
    await vi.waitFor(() => expect(n).toBeGreaterThanOrEqual(2), { timeout: 15_000, interval: 20 })
  })
})
