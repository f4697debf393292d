/**
 * The browser host's and CLI's settings file without `conf` (#17, cold start): it must stay the file
 * electron-store and conf read and write, since the desktop host opens the same user-data folder.
 * Checked against the real conf, both ways, on real temp files.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import { afterEach, describe, expect, it } from 'vitest'
import { jsonFileStore } from '../../src/main/backend/settings/jsonFileStore'
import { tempDir } from './helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dir(): string {
  const t = tempDir('smo-json-store-')
  cleanups.push(t.cleanup)
  return t.dir
}

type S = { theme: string; recent: string[]; bounds: { x: number } | null }
const defaults: S = { theme: 'system', recent: [], bounds: null }

describe('the settings file store', () => {
  it('reads what conf wrote and writes what conf reads, with the defaults filled in', () => {
    const d = dir()
    const conf = new Conf<S>({ projectName: 'smo-desk', cwd: d, configName: 'settings', defaults })
    conf.store = { theme: 'dark', recent: ['/a', '/b'], bounds: { x: 3 } }
    const store = jsonFileStore<S>(join(d, 'settings.json'), defaults)
    expect(store.store).toEqual({ theme: 'dark', recent: ['/a', '/b'], bounds: { x: 3 } })

    store.store = { theme: 'light', recent: ['/c'], bounds: null }
    expect(new Conf<S>({ projectName: 'smo-desk', cwd: d, configName: 'settings', defaults }).store).toEqual({ theme: 'light', recent: ['/c'], bounds: null })
    expect(readFileSync(join(d, 'settings.json'), 'utf8')).toBe(JSON.stringify({ theme: 'light', recent: ['/c'], bounds: null }, undefined, '\t'))
    // Written beside and renamed over: nothing else is left in the folder.
    expect(readdirSync(d)).toEqual(['settings.json'])

    // The same settings again (every start records the workspace it opened): the file is not rewritten.
    const inode = statSync(join(d, 'settings.json')).ino
    store.store = { theme: 'light', recent: ['/c'], bounds: null }
    expect(statSync(join(d, 'settings.json')).ino).toBe(inode)
    store.store = { theme: 'light', recent: ['/d'], bounds: null }
    expect(statSync(join(d, 'settings.json')).ino).not.toBe(inode)

    // Keys the file lacks come from the defaults, as with conf.
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ theme: 'dark' }))
    expect(store.store).toEqual({ theme: 'dark', recent: [], bounds: null })
  })

  it('starts from the defaults with no file, or one that is not a JSON object, and creates the folder on the first write', () => {
    const d = join(dir(), 'user data')
    const store = jsonFileStore<S>(join(d, 'settings.json'), defaults)
    expect(store.store).toEqual(defaults)
    store.store = { ...defaults, theme: 'dark' }
    expect(existsSync(join(d, 'settings.json'))).toBe(true)
    writeFileSync(join(d, 'settings.json'), '[1, 2]')
    expect(store.store).toEqual(defaults)
    writeFileSync(join(d, 'settings.json'), '{"theme": "da')
    expect(store.store).toEqual(defaults)
  })
})
