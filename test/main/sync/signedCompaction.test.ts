/**
 * A signed team compacts its old files too (SYNC.md §2.9, docs/SYNC-SECURITY.md): a device deletes
 * its own files once every active teammate has them and a snapshot signed by the root owner, at
 * least 14 days old, covers them. A computer joining afterwards starts from that snapshot and judges
 * only the tail; a computer away for longer merges the snapshot, member-list log included. Real
 * workspaces, a real folder, a clock the test moves.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncFolderOf, syncNow, syncStateOf } from '../../../src/main/backend/services/syncService'
import { admitWaiting, foundSignedTeam, joinSignedTeam, memberIdByName } from '../../../scripts/chaos/signedTeam'
import { tempBackend, tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

const DAY = 86_400_000
let clock = Date.UTC(2026, 11, 6, 9)

async function workspace(): Promise<Backend> {
  // A second passes per reading: manifests are named by their time, and each round writes a new one.
  const w = await tempBackend(() => (clock += 1000))
  cleanups.push(w.cleanup)
  return w.b
}

const names = (b: Backend): string[] => b.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL ORDER BY name`).all().map((r) => (r as { name: string }).name)
const refusals = (b: Backend): unknown[] => b.db.raw.prepare(`SELECT dev, seq, reason FROM sync_refused`).all()

describe('compaction in a signed team', () => {
  it('deletes own files a root-signed snapshot covers; a later joiner and a returning computer still see everything', async () => {
    const { dir: folder, cleanup } = tempDir('smo-signed-compact-')
    cleanups.push(cleanup)
    const hannah = await workspace()
    foundSignedTeam(hannah, { folder, roster: { Hannah: 'owner', Ed: 'editor', Cy: 'editor', Late: 'viewer' }, me: 'Hannah' })
    const ed = await workspace()
    joinSignedTeam(ed, { folder, me: 'Ed' })
    const cy = await workspace()
    joinSignedTeam(cy, { folder, me: 'Cy' })
    admitWaiting(hannah, { Ed: null, Cy: null })
    for (const b of [hannah, ed, cy]) syncNow(b)

    for (const n of ['Blog', 'Podcast', 'Webinar']) {
      recordService.create(ed, 'channel', { name: n, platform: 'blog' })
      syncNow(ed)
    }
    // A member-list change Cy will only ever see through the snapshot.
    recordService.update(hannah, 'member', { id: memberIdByName(hannah, 'Late') ?? '', access: 'contributor' })
    syncNow(hannah)
    syncNow(ed)
    // The root owner's computer writes the snapshot every reader of a signed team trusts.
    expect(syncNow(hannah, { forceSnapshot: true }).snapshot.created).not.toBeNull()
    syncNow(ed)
    const edFiles = join(syncFolderOf(ed) ?? '', 'devices', syncStateOf(ed).store.device)
    const before = readdirSync(edFiles).filter((n) => n.startsWith('ops-'))

    // Cy's computer has been away since before Ed's channels; two months on it no longer counts as
    // active, and Hannah and Ed keep working.
    clock += 61 * DAY
    syncNow(hannah)
    recordService.create(ed, 'channel', { name: 'Newsletter', platform: 'blog' })
    const r = syncNow(ed)
    expect(r.snapshot.compacted).toBeGreaterThan(0)
    const after = readdirSync(edFiles).filter((n) => n.startsWith('ops-'))
    expect(after.length).toBeLessThan(before.length + 1)
    syncNow(hannah)

    // A computer joining now starts from the snapshot and reads the tail, judged like everyone.
    const late = await workspace()
    joinSignedTeam(late, { folder, me: 'Late' })
    admitWaiting(hannah, { Late: null })
    syncNow(hannah)
    syncNow(late)
    expect(names(late)).toEqual(names(hannah))
    expect(names(late)).toEqual(['Blog', 'Newsletter', 'Podcast', 'Webinar'])
    expect(refusals(late)).toEqual([])

    // Cy's computer comes back after Ed's old files went: it merges the root-signed snapshot (with
    // its member-list log) and reads the tail — the same channels, nothing refused, nothing missed.
    const back = syncNow(cy)
    expect(back.snapshot.loaded).not.toBeNull()
    expect(back.problems.map((p) => p.code)).not.toContain('behind-compaction')
    expect(names(cy)).toEqual(names(hannah))
    expect(refusals(cy)).toEqual([])
    expect(cy.db.raw.prepare(`SELECT count(*) AS n FROM sync_member_write`).get()).toEqual(hannah.db.raw.prepare(`SELECT count(*) AS n FROM sync_member_write`).get())
  })
})
