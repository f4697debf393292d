import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/backend/dispatch'
import { confSettings } from '../../src/main/backend/settings/confSettings'
import { tempBackend, tempDir } from './helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

describe('per-machine settings (conf, same schema as electron-store)', () => {
  it('starts from defaults, persists changes to settings.json and rereads them', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const s = confSettings(t.dir)
    expect(s.get()).toMatchObject({ theme: 'system', windowBounds: null, ui: {} })
    s.update({ theme: 'dark', windowBounds: { x: 10, y: 20, width: 1200, height: 800, maximized: false } })
    const onDisk = JSON.parse(readFileSync(join(t.dir, 'settings.json'), 'utf8')) as { theme: string }
    expect(onDisk.theme).toBe('dark')
    expect(confSettings(t.dir).get().windowBounds).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false })
  })

  it('refuses an invalid change and keeps the stored value', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const s = confSettings(t.dir)
    s.update({ theme: 'light' })
    expect(() => s.update({ theme: 'neon' as 'light' })).toThrow()
    expect(() => s.update({ windowBounds: { x: 0, y: 0, width: 10, height: 10, maximized: false } })).toThrow()
    expect(confSettings(t.dir).get().theme).toBe('light')
  })

  it('falls back to defaults when the file was hand-edited into something invalid', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    confSettings(t.dir).update({ theme: 'dark' })
    writeFileSync(join(t.dir, 'settings.json'), JSON.stringify({ theme: 42 }))
    expect(confSettings(t.dir).get().theme).toBe('system')
  })
})

describe('a damaged settings file', () => {
  it('is moved aside with a note, and defaults are used', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    writeFileSync(join(t.dir, 'settings.json'), '{"theme": "dark", "windowBou')
    const notes: string[] = []
    const s = confSettings(t.dir, (m) => notes.push(m))
    expect(s.get().theme).toBe('system')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/could not be read .*moved to .*settings\.damaged-.*\.json and default settings are used/)
    const aside = readdirSync(t.dir).filter((f) => f.startsWith('settings.damaged-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(t.dir, aside[0]!), 'utf8')).toBe('{"theme": "dark", "windowBou')
  })

  it('a valid file is left alone, without a note', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    confSettings(t.dir).update({ theme: 'dark' })
    const notes: string[] = []
    expect(confSettings(t.dir, (m) => notes.push(m)).get().theme).toBe('dark')
    expect(notes).toEqual([])
  })
})

describe('settings-ui-set: one key of the screen state', () => {
  it('merges the key into ui in the backend, keeping the other screens’ keys, and refuses a bad key by name', async () => {
    const t = await tempBackend()
    cleanups.push(t.cleanup)
    await dispatch(t.b, 'settings-update', { ui: { advice: { coolDownDays: 60 }, planner: { mode: 'week' } } })
    const r = await dispatch(t.b, 'settings-ui-set', { key: 'planner', value: { mode: 'month', filter: { q: 'launch' } } })
    expect(r.ok).toBe(true)
    expect(t.b.settings.get().ui).toEqual({ advice: { coolDownDays: 60 }, planner: { mode: 'month', filter: { q: 'launch' } } })
    const bad = await dispatch(t.b, 'settings-ui-set', { key: '', value: 1 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(JSON.stringify(bad.error)).toContain('key')
    expect(t.b.settings.get().ui).toEqual({ advice: { coolDownDays: 60 }, planner: { mode: 'month', filter: { q: 'launch' } } })
  })
})
