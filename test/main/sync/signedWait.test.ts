/**
 * A signed file that arrives before a change it builds on waits (docs/SYNC-SECURITY.md, "the causal
 * past it names has arrived; otherwise the file waits"). Found by the chaos harness: the waiting file
 * was then put on the damaged-file backoff, so the round that brought what it waited for did not read
 * it again, and a team that went quiet stayed apart for up to a minute. Real workspaces, a real
 * folder, a clock that does not move between the rounds (so no backoff can have run out).
 */
import { readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncFolderOf, syncNow, syncStateOf } from '../../../src/main/backend/services/syncService'
import { admitWaiting, foundSignedTeam, joinSignedTeam } from '../../../scripts/chaos/signedTeam'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

const T0 = Date.UTC(2026, 11, 6, 9)

async function workspace(): Promise<Backend> {
  const w = await tempBackend(() => T0)
  cleanups.push(w.cleanup)
  return w.b
}

const names = (b: Backend): string[] => b.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL ORDER BY name`).all().map((r) => (r as { name: string }).name)

describe('a signed file that waited for its causal past', () => {
  it('is read again in the very round that brings what it waited for', async () => {
    const { dir: folder, cleanup } = tempDir('smo-wait-')
    cleanups.push(cleanup)
    const hannah = await workspace()
    foundSignedTeam(hannah, { folder, roster: { Hannah: 'owner', Ed: 'editor', Obs: 'viewer' }, me: 'Hannah' })
    const ed = await workspace()
    joinSignedTeam(ed, { folder, me: 'Ed' })
    const obs = await workspace()
    joinSignedTeam(obs, { folder, me: 'Obs' })
    expect(admitWaiting(hannah, { Ed: 'editor', Obs: 'viewer' })).toBe(2)
    for (const b of [hannah, ed, obs]) syncNow(b)

    // Hannah's change reaches Ed, whose next file names it in its causal past.
    recordService.create(hannah, 'channel', { name: 'Hannah blog', platform: 'blog' })
    syncNow(hannah)
    syncNow(ed)
    recordService.create(ed, 'channel', { name: 'Ed podcast', platform: 'podcast' })
    syncNow(ed)

    // Obs sees Ed's file first: Hannah's newest file is not downloaded yet.
    const dir = syncFolderOf(hannah) ?? ''
    const own = join(dir, 'devices', syncStateOf(hannah).store.device)
    const newest = readdirSync(own).filter((n) => n.startsWith('ops-')).sort().at(-1) ?? ''
    renameSync(join(own, newest), join(dir, 'held-back'))
    syncNow(obs)
    expect(names(obs)).toEqual([])

    // It arrives; the next round applies both, though no time has passed.
    renameSync(join(dir, 'held-back'), join(own, newest))
    const r = syncNow(obs)
    expect(names(obs)).toEqual(['Ed podcast', 'Hannah blog'])
    expect(r.problems.filter((p) => p.code === 'damaged')).toEqual([])
    expect(syncStateOf(obs).store.gaps()).toEqual([])
  })
})
