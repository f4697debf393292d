/**
 * The Members screen's Admit button (issue #14) through the real dispatch: an owner sees who asks to
 * join, from which key (fingerprint), with the role they hold; admits with a role to give; anyone
 * else is refused with the role it needs. Real workspaces and a real team folder.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { dispatch } from '../../../src/main/backend/dispatch'
import { recordService } from '../../../src/main/backend/services/recordService'
import { syncNow, syncSetup } from '../../../src/main/backend/services/syncService'
import { signingFor } from '../../../src/main/backend/services/syncSigning'
import { sql } from '../../../src/main/backend/db/sql'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { tempsPerTest } from '../helpers/tempWorkspace'

const { workspace, folder: tempFolder } = tempsPerTest()

type Res = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
const call = async (b: Backend, method: string, input: unknown): Promise<Res> => (await dispatch(b, method, input)) as Res
const teamOf = (b: Backend): string => b.db.get<{ value: string }>(sql`SELECT value FROM local_state WHERE key = 'sync_team'`)?.value ?? ''

describe('admitting a computer from the Members screen', () => {
  it('lists the request with its fingerprint and role, admits it with the role given, and refuses a non-owner by name', async () => {
    const folder = tempFolder('smo-admit-')
    const a = await workspace()
    const hannah = (recordService.create(a, 'member', { name: 'Hannah', access: 'owner' }) as { id: string }).id
    actAs(a, hannah)
    const ed = (recordService.create(a, 'member', { name: 'Ed', access: 'contributor' }) as { id: string }).id
    syncSetup(a, { mode: 'create', folder, signed: true })

    // Ed's new computer joins, picks *me*, and asks to be admitted on its next round.
    const b = await workspace()
    syncSetup(b, { mode: 'join', folder })
    actAs(b, ed)
    const asked = syncNow(b).problems.find((p) => p.code === 'not-admitted')
    const edKey = signingFor(b, teamOf(b))?.key.keyId ?? ''
    const fingerprint = edKey.match(/.{4}/g)?.join(' ')
    expect(asked?.detail).toBe(`This computer's key fingerprint: ${fingerprint}`)

    const listed = await call(a, 'sync-join-requests', {})
    expect(listed).toEqual({ ok: true, data: [{ key: edKey, fingerprint, memberId: ed, name: 'Ed', device: expect.stringMatching(/^[0-9a-f]{6}$/), role: 'contributor' }] })

    // Ed himself (a contributor on a computer that is admitted… nowhere) may not admit anyone.
    const refused = await call(b, 'sync-admit', { key: edKey, role: 'editor' })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.message).toMatch(/owner/)

    const admitted = await call(a, 'sync-admit', { key: edKey, role: 'editor' })
    expect(admitted.ok).toBe(true)
    expect(await call(a, 'sync-join-requests', {})).toEqual({ ok: true, data: [] })
    expect(a.db.get<{ access: string }>(sql`SELECT access FROM member WHERE id = ${ed}`)?.access).toBe('editor')

    // The role change reaches Ed's computer signed by Hannah, and Ed's edits now go out and stand.
    syncNow(a)
    syncNow(b)
    recordService.create(b, 'channel', { name: 'From Ed', platform: 'blog' })
    expect(syncNow(b).sent).toBeGreaterThan(0)
    syncNow(a)
    expect(a.db.raw.prepare(`SELECT name FROM channel WHERE deleted_at IS NULL`).all()).toEqual([{ name: 'From Ed' }])
    expect(a.db.raw.prepare(`SELECT count(*) AS n FROM sync_refused`).get()).toEqual({ n: 0 })
  })
})
