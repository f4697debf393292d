/**
 * Team sync end to end: two browser hosts on two workspaces and one shared temp folder. A is a demo
 * workspace that founds the team; B is created by `smo sync join` and filled from the folder. An edit
 * in one appears in the other after a sync; a conflicting pair shows in Needs review on both, and
 * resolving it on one clears it on both.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { AppPage } from './pages/AppPage'
import { SyncPage } from './pages/SyncPage'
import { removeWorkspace, type Served } from './serveWorkspace'
import { apiCall as call, teamCli, teamOfTwo, type TeamOfTwo } from './teamCli'

const cli = (args: string[], wsDir: string): void => void teamCli(args, wsDir)

let team: TeamOfTwo
let folder = ''
let a: Served
let b: Served

test.beforeAll(async () => {
  team = await teamOfTwo('share')
  ;({ folder, a, b } = team)
  // B is Priya's computer: she picks herself once, as the app asks on a computer new to the team (#14).
  const members = (await call(b, 'member-list', {})) as { items: { id: string; name: string }[] }
  await call(b, 'me-set', { memberId: members.items.find((m) => m.name === 'Priya Raman')?.id ?? '' })
})

test.afterAll(async () => {
  await team?.stop()
})

test('an edit in one workspace appears in the other; a conflict is reviewed and cleared on both', async ({ browser }) => {
  const pa = await browser.newPage()
  const pb = await browser.newPage()
  const wa = new AppPage(pa, a)
  const wb = new AppPage(pb, b)
  await wa.open('settings')
  await wb.open('settings')
  const sa = new SyncPage(pa)
  const sb = new SyncPage(pb)
  await expect(sa.card.getByTestId('sync-now')).toBeVisible()
  await expect(pa.getByTestId('sync-indicator')).toBeVisible()

  const list = (await call(a, 'channel-list', {})) as { items: { id: string; name: string }[] }
  const ch = list.items[0]
  if (!ch) throw new Error('demo has no channel')
  await call(a, 'channel-update', { id: ch.id, name: 'Renamed on A (e2e)' })
  await sa.syncNow()
  await sb.syncNow()
  await wb.go('channels')
  await expect(pb.getByText('Renamed on A (e2e)')).toBeVisible()

  await call(a, 'channel-update', { id: ch.id, name: 'Alpha title (e2e)' })
  await call(b, 'channel-update', { id: ch.id, name: 'Bravo title (e2e)' })
  await wb.go('settings')
  await sa.syncNow()
  await sb.syncNow()
  await sa.syncNow()
  await expect(sa.reviewItems()).toHaveCount(1)
  await expect(sb.reviewItems()).toHaveCount(1)
  await expect(sb.reviewItems().first()).toContainText('Renamed on A (e2e)')
  await sb.keep('Bravo title (e2e)')
  await expect(sb.reviewItems()).toHaveCount(0)
  await sb.syncNow()
  await sa.syncNow()
  await expect(sa.reviewItems()).toHaveCount(0)
  const after = (await call(a, 'channel-get', { id: ch.id })) as { name: string }
  expect(after.name).toBe('Bravo title (e2e)')
  await pa.close()
  await pb.close()
})

test('Write a snapshot now: a new member starts from it and has the same channels', async ({ page }) => {
  const wa = new AppPage(page, a)
  await wa.open('settings')
  const sa = new SyncPage(page)
  await sa.card.getByTestId('sync-snapshot').click()
  await expect(sa.card.getByTestId('sync-snapshot-note')).toHaveText(/Snapshot written/)
  const snapshots = readdirSync(join(folder, 'SMO Desk Team', 'snapshots'))
  const id = snapshots.find((n) => n.endsWith('.json'))?.replace(/\.json$/, '')
  expect(snapshots).toContain(`${id}.sqlite.gz`)

  const cDir = join(mkdtempSync(join(tmpdir(), 'smo-e2e-')), 'ws')
  try {
    cli(['sync', 'join', '--workspace', cDir, '--folder', folder], cDir)
    // The new member's device manifest names the snapshot it started from.
    const devices = join(folder, 'SMO Desk Team', 'devices')
    const manifests = readdirSync(devices).flatMap((d) => readdirSync(join(devices, d)).filter((n) => n.startsWith('state-')).map((n) => JSON.parse(readFileSync(join(devices, d, n), 'utf8')) as { name: string; snapshot: string | null }))
    expect(manifests.some((m) => m.snapshot === id && m.name !== '')).toBe(true)
    const exported = teamCli(['export', '--workspace', cDir, '--kind', 'channel'], cDir)
    const mine = (await call(a, 'channel-list', {})) as { items: { name: string }[] }
    expect(mine.items.length).toBeGreaterThan(5)
    for (const ch of mine.items) expect(exported).toContain(ch.name)
  } finally {
    removeWorkspace(cDir)
  }
})
