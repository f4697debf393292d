import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend/backend'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { actAs } from '../../../src/main/backend/people/currentMember'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { dispatchCalls } from '../helpers/dispatchCalls'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

// `smo inbox` and `smo handoffs` (issue #16, "What scripts read") on a real workspace, through the real binary.
const t = tempDir('smo-desk-cli-')
const ws = join(t.dir, 'ws')
const userData = join(t.dir, 'user')
const as = ['--as', 'Hannah Vogel']
let late = ''

beforeAll(async () => {
  const w = await openWorkspace(ws, { create: true, lock: 'test' })
  const b = createBackend(w, memorySettings(), fileSecrets(userData), () => Date.parse('2026-02-09T09:00:00Z'))
  const { ok } = dispatchCalls(() => b)
  actAs(b, (await ok('member-create', { name: 'Hannah Vogel', access: 'owner' })).id)
  const support = (await ok('expert-create', { name: 'Support lead' })).id
  await ok('desk-settings-set', { targets: [{ type: 'complaint', priority: 'high', firstResponseHours: 2, resolutionHours: 8 }, { type: 'lead', priority: 'normal', firstResponseHours: 4, resolutionHours: 16 }] })
  await ok('escalation-ladder-create', { type: 'complaint', steps: [{ level: 1, expertId: support, afterHours: 4 }] })
  late = (await ok('conversation-create', { occurredAt: '2026-02-06T10:00:00Z', author: 'Sam', summary: 'Charged twice', type: 'complaint', priority: 'high' })).id
  await ok('conversation-create', { occurredAt: '2026-02-09T08:00:00Z', author: 'Kim', summary: 'Pricing for 50 seats?', type: 'lead', assigneeId: support, state: 'assigned', url: 'https://community.example.com/t/42' })
  const lead = (await ok<{ items: { id: string }[] }>('inbox-list', { type: 'lead' })).items[0]?.id ?? ''
  await ok('handoff-create', { conversationId: lead, firstName: 'Kim', lastName: 'Lee', company: 'Fabrikam', email: 'kim@fabrikam.example' })
  b.close()
}, 60_000)
afterAll(() => t.cleanup())

describe('smo inbox and smo handoffs', () => {
  it('prints conversations with exactly the keys scripts read, filtered by state and overdue', () => {
    const r = runSmo(userData, 'inbox', '--workspace', ws, '--json', '--overdue', '--now', '2026-02-09T12:00:00Z', ...as)
    expect(r.stderr).toBe('')
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(rows).toHaveLength(1)
    for (const k of ['state', 'type', 'assigneeId', 'firstResponseDueAt', 'resolutionDueAt', 'breached', 'escalationLevel']) expect(Object.keys(rows[0] ?? {})).toContain(k)
    expect(rows[0]).toMatchObject({ id: late, state: 'new', type: 'complaint', assigneeId: null, firstResponseDueAt: '2026-02-06T12:00:00.000Z', breached: true, escalationLevel: 0 })
    const assigned = JSON.parse(runSmo(userData, 'inbox', '-w', ws, '--json', '--state', 'assigned', ...as).stdout) as { summary: string }[]
    expect(assigned.map((x) => x.summary)).toEqual(['Pricing for 50 seats?'])
    const bad = runSmo(userData, 'inbox', '-w', ws, '--state', 'routed', ...as)
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toContain('--state must be one of new, triaged, assigned, waiting, resolved')
  }, 60_000)

  it('escalates breaches with --scan', () => {
    const r = runSmo(userData, 'inbox', '-w', ws, '--scan', '--now', '2026-02-09T12:00:00Z', ...as)
    expect(r.stdout).toContain('escalated 1')
    const rows = JSON.parse(runSmo(userData, 'inbox', '-w', ws, '--json', ...as).stdout) as { id: string; escalationLevel: number }[]
    expect(rows.find((x) => x.id === late)?.escalationLevel).toBe(1)
  }, 60_000)

  it('writes a HubSpot CSV and refuses an unknown format', () => {
    const out = join(t.dir, 'leads.csv')
    const r = runSmo(userData, 'handoffs', '--workspace', ws, '--format', 'hubspot', '--out', out, ...as)
    expect(r.stdout).toContain('Wrote 1 hand-off for HubSpot')
    const lines = readFileSync(out, 'utf8').split('\r\n')
    expect(lines[0]).toContain('First Name,Last Name,Email')
    expect(lines[1]).toContain('Kim,Lee,kim@fabrikam.example')
    expect(lines[1]).toContain('https://community.example.com/t/42?utm_source=')
    const bad = runSmo(userData, 'handoffs', '--workspace', ws, '--format', 'pipedrive', '--out', out, ...as)
    expect(bad.stderr).toContain('--format must be hubspot or salesforce, got "pipedrive"')
  }, 60_000)
})
