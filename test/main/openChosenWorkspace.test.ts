import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../../src/main/backend/backend'
import { openChosenWorkspace, type WorkspaceChoice } from '../../src/main/backend/openChosenWorkspace'
import type { Workspace } from '../../src/main/backend/openWorkspace'
import { memorySettings } from '../../src/main/backend/settings/memorySettings'
import { fileSecrets } from '../../src/main/backend/settings/fileSecrets'
import { savedMeId } from '../../src/main/backend/people/currentMember'
import { tempDir } from './helpers/tempWorkspace'

const dirs: { cleanup: () => void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()))

function setup() {
  const t = tempDir('smo-choice-')
  dirs.push(t)
  const choose = (choice: WorkspaceChoice) =>
    openChosenWorkspace(choice, { lock: 'test', backendFor: (ws: Workspace) => createBackend(ws, memorySettings(), fileSecrets(join(t.dir, 'userdata'))) })
  return { root: t.dir, choose }
}

describe('openChosenWorkspace (the first-start picker of both hosts)', () => {
  it('the demo: a new folder with the sample team, nobody picked as me yet', async () => {
    const { root, choose } = setup()
    const r = await choose({ action: 'demo', path: join(root, 'demo') })
    if (!r.ok) throw new Error(r.message)
    try {
      expect(r.dir).toBe(join(root, 'demo'))
      const channels = r.backend.db.raw.prepare('SELECT count(*) AS n FROM channel').get() as { n: number }
      expect(channels.n).toBeGreaterThan(3)
      expect(savedMeId(r.backend)).toBeNull()
    } finally {
      r.backend.close()
    }
  })

  it('new and open: an empty workspace, then the same folder opened again; new on it again is refused', async () => {
    const { root, choose } = setup()
    const made = await choose({ action: 'new', path: join(root, 'team') })
    if (!made.ok) throw new Error(made.message)
    made.backend.close()
    const again = await choose({ action: 'new', path: join(root, 'team') })
    expect(again).toEqual({ ok: false, field: 'path', message: `${join(root, 'team')} already holds a workspace. Use Open workspace… to open it, or choose an empty folder.` })
    const opened = await choose({ action: 'open', path: join(root, 'team') })
    if (!opened.ok) throw new Error(opened.message)
    opened.backend.close()
  })

  it('refuses bad paths in one sentence at the field, writing nothing', async () => {
    const { root, choose } = setup()
    writeFileSync(join(root, 'notes.txt'), 'x')
    expect(await choose({ action: 'open', path: join(root, 'notes.txt') })).toMatchObject({ ok: false, field: 'path', message: expect.stringContaining('is a file, not a workspace folder') })
    expect(await choose({ action: 'open', path: join(root, 'gone') })).toMatchObject({ ok: false, field: 'path', message: expect.stringContaining('There is no folder at') })
    expect(await choose({ action: 'new', path: '  ' })).toMatchObject({ ok: false, field: 'path' })
    expect(await choose({ action: 'demo', path: join(root, 'ws') }).then((r) => (r.ok && r.backend.close(), r.ok))).toBe(true)
    // A full disk (the probe is injected: a test cannot fill one).
    const full = await openChosenWorkspace({ action: 'new', path: join(root, 'other') }, { lock: 'test', backendFor: () => { throw new Error('not reached') }, freeBytes: () => 1024 })
    expect(full).toMatchObject({ ok: false, field: 'path', message: expect.stringContaining('MB free') })
    expect(existsSync(join(root, 'gone'))).toBe(false)
    expect(existsSync(join(root, 'other'))).toBe(false)
  })

  it('join: a missing team folder is refused at that field; a join the folder refuses leaves no half-made workspace', async () => {
    const { root, choose } = setup()
    expect(await choose({ action: 'join', path: join(root, 'mine'), teamFolder: join(root, 'nowhere') })).toMatchObject({
      ok: false,
      field: 'teamFolder',
      message: expect.stringContaining('There is no folder at')
    })
    expect(existsSync(join(root, 'mine'))).toBe(false)
    // An empty folder holds no team to join: the folder says so, and the new workspace is removed again.
    mkdirSync(join(root, 'empty-team'))
    mkdirSync(join(root, 'mine'))
    writeFileSync(join(root, 'mine', 'keep-me.txt'), 'the person’s own file')
    const r = await choose({ action: 'join', path: join(root, 'mine'), teamFolder: join(root, 'empty-team') })
    expect(r.ok).toBe(false)
    expect(readdirSync(join(root, 'mine'))).toEqual(['keep-me.txt'])
  })
})
