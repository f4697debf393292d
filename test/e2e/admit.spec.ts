/**
 * Admitting a computer to a signed team, end to end (issue #14): A is a demo workspace whose owner
 * founds a signed team (`smo sync init --signed`); B joins the folder with `smo sync join`, picks
 * *me* and syncs, which asks to be admitted and keeps B's edits unshared. The owner sees the request
 * on the Members screen with the key fingerprint B's own sync health shows, picks a role and admits;
 * B's next change then arrives on A and stands, with nothing refused.
 */
import { expect, test } from '@playwright/test'
import { AppPage } from './pages/AppPage'
import type { Served } from './serveWorkspace'
import { apiCall as call, teamOfTwo, type TeamOfTwo } from './teamCli'

type Problem = { code: string; detail: string }

let team: TeamOfTwo
let a: Served
let b: Served

test.beforeAll(async () => {
  team = await teamOfTwo('admit', { signed: true })
  ;({ a, b } = team)
})

test.afterAll(async () => {
  await team?.stop()
})

const syncNow = async (s: Served): Promise<{ sent: number; problems: Problem[] }> => (await call(s, 'sync-now', {})) as { sent: number; problems: Problem[] }

test('an owner admits a computer from the Members screen with a role; its changes then arrive', async ({ page }) => {
  // B is Priya's new computer: she picks herself, and its first signed round asks to join.
  const members = (await call(b, 'member-list', {})) as { items: { id: string; name: string; access: string }[] }
  const priya = members.items.find((m) => m.name === 'Priya Raman')
  if (!priya) throw new Error('the demo has no Priya Raman')
  await call(b, 'me-set', { memberId: priya.id })
  const asked = (await syncNow(b)).problems.find((p) => p.code === 'not-admitted')
  const fingerprint = /fingerprint: ([0-9a-f ]+)$/.exec(asked?.detail ?? '')?.[1] ?? ''
  expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/)

  // Not admitted yet: her edit stays on her computer.
  const channels = (await call(b, 'channel-list', {})) as { items: { id: string; name: string }[] }
  const ch = channels.items[0]
  if (!ch) throw new Error('the demo has no channel')
  await call(b, 'channel-update', { id: ch.id, name: 'Renamed before admission (e2e)' })
  expect((await syncNow(b)).sent).toBe(0)

  // The owner's Members screen lists the request with the same fingerprint and her current role.
  const wa = new AppPage(page, a)
  await wa.open('members')
  const request = page.getByTestId('join-request')
  await expect(request).toHaveCount(1)
  await expect(request).toContainText('Priya Raman')
  await expect(request.getByTestId('join-fingerprint')).toHaveText(fingerprint)
  await request.getByLabel('Role to give').selectOption({ label: 'Editor' })
  await request.getByTestId('join-admit').click()
  await expect(page.getByTestId('join-requests')).toHaveCount(0)
  const after = (await call(a, 'member-list', {})) as { items: { id: string; access: string }[] }
  expect(after.items.find((m) => m.id === priya.id)?.access).toBe('editor')

  // The admission and the role reach B; her kept edit and a new one go out and stand on A.
  await syncNow(a)
  const round = await syncNow(b)
  expect(round.problems.map((p) => p.code)).not.toContain('not-admitted')
  await call(b, 'channel-update', { id: ch.id, name: 'Renamed by Priya after admission (e2e)' })
  expect((await syncNow(b)).sent).toBeGreaterThan(0)
  const pulled = await syncNow(a)
  expect(pulled.problems.filter((p) => p.code === 'refused')).toEqual([])
  await wa.go('channels')
  await expect(page.getByText('Renamed by Priya after admission (e2e)')).toBeVisible()
})
