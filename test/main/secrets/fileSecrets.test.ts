/**
 * The file secret store of the browser host and the CLI, on a real temp folder: private modes,
 * replace-by-rename, values that survive a new instance, one entry per name, and a damaged file
 * reported without quoting it and never overwritten.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileSecrets, SECRETS_FILE } from '../../../src/main/backend/settings/fileSecrets'
import { WorkspaceError } from '../../../src/main/backend/workspaceError'
import { tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function userData(): string {
  const t = tempDir('smo-secrets-')
  cleanups.push(t.cleanup)
  return join(t.dir, 'SMO Desk')
}

const posix = process.platform !== 'win32'

describe('file secret store', () => {
  it('creates the folder and the file private to this user (0700 / 0600) and says it is file protection only', () => {
    const dir = userData()
    const s = fileSecrets(dir)
    expect(s.get('a')).toBeNull()
    s.set('a', 'first secret')
    expect(s.get('a')).toBe('first secret')
    expect(s.protection.kind).toBe('file-permissions')
    expect(s.protection.detail).toMatch(/not an OS keychain/)
    if (posix) {
      expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600)
      expect(statSync(dir).mode & 0o777).toBe(0o700)
    }
  })

  it('replaces the file by rename (a new inode each write, no temp files left) and tightens a loose mode', () => {
    const dir = userData()
    const s = fileSecrets(dir)
    s.set('a', 'one')
    const file = join(dir, SECRETS_FILE)
    if (posix) {
      // A file someone made world-readable is replaced by a fresh 0600 one on the next write.
      chmodSync(file, 0o644)
    }
    const before = statSync(file).ino
    s.set('b', 'two')
    expect(statSync(file).ino).not.toBe(before)
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual([SECRETS_FILE])
  })

  it('survives a new instance (a restart) and keeps names apart', () => {
    const dir = userData()
    const s = fileSecrets(dir)
    s.set('team-data-key:T1:/work/a', 'key of a')
    s.set('team-data-key:T1:/work/b', 'key of b')
    const again = fileSecrets(dir)
    expect(again.get('team-data-key:T1:/work/a')).toBe('key of a')
    expect(again.get('team-data-key:T1:/work/b')).toBe('key of b')
    again.delete('team-data-key:T1:/work/a')
    expect(s.get('team-data-key:T1:/work/a')).toBeNull()
    expect(s.get('team-data-key:T1:/work/b')).toBe('key of b')
    // Names that exist on every object are not secrets.
    expect(s.get('toString')).toBeNull()
    expect(s.get('__proto__')).toBeNull()
  })

  it('two stores writing one after the other keep each other’s entries (read right before write)', () => {
    const dir = userData()
    const cli = fileSecrets(dir)
    const host = fileSecrets(dir)
    cli.set('x', '1')
    host.set('y', '2')
    expect(cli.get('x')).toBe('1')
    expect(cli.get('y')).toBe('2')
  })

  it.each([
    ['not JSON', '{"magic":"smo-desk-secrets","format":1,"secrets":{"a":"TOP-SECRET-VALUE"'],
    ['another shape', JSON.stringify({ secrets: { a: 'TOP-SECRET-VALUE' } })]
  ])('a damaged file (%s) gives a clear error without its content, and is not overwritten', (_label, text) => {
    const dir = userData()
    mkdirSync(dir, { recursive: true })
    const file = join(dir, SECRETS_FILE)
    writeFileSync(file, text)
    const s = fileSecrets(dir)
    const caught = (fn: () => unknown): unknown => {
      try {
        fn()
      } catch (e) {
        return e
      }
      return null
    }
    const err = caught(() => s.get('a'))
    expect(err).toBeInstanceOf(WorkspaceError)
    const message = err instanceof Error ? err.message : ''
    expect(message).toContain(file)
    expect(message).toMatch(/damaged.*left it untouched/)
    expect(message).not.toContain('TOP-SECRET-VALUE')
    expect(caught(() => s.set('b', 'new'))).toBeInstanceOf(WorkspaceError)
    expect(caught(() => s.delete('a'))).toBeInstanceOf(WorkspaceError)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect(readdirSync(dir)).toEqual([SECRETS_FILE])
  })
})
