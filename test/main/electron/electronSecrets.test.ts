/**
 * The desktop host's secret store with `electron` mocked (the binary is not installed on test
 * machines): safeStorage stands in as a reversible cipher. electron-store is replaced by what it
 * wraps — the real `conf`, with `name` as the file name and the user-data folder as `cwd` — because
 * as an external package it would import the real `electron`, which the mock does not reach. Checks that only ciphertext reaches the disk, that a machine without
 * a keychain falls back to the 0600 file and says so, and what happens to keys saved meanwhile.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileSecrets, SECRETS_FILE } from '../../../src/main/backend/settings/fileSecrets'
import { WorkspaceError } from '../../../src/main/backend/workspaceError'
import { tempDir } from '../helpers/tempWorkspace'

const fake = vi.hoisted(() => ({
  userData: '',
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret',
  // A stand-in for the OS: reversible, and obviously not the plaintext.
  encrypt: (s: string): Buffer => Buffer.from(`v10:${Buffer.from(s, 'utf8').reverse().toString('hex')}`),
  decrypt: (b: Buffer): string => {
    const text = b.toString()
    if (!text.startsWith('v10:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(text.slice(4), 'hex').reverse().toString('utf8')
  }
}))

vi.mock('electron', () => {
  const app = { getPath: (name: string) => (name === 'userData' ? fake.userData : ''), getVersion: () => '0.1.0' }
  const ipcMain = { on: () => undefined }
  const safeStorage = {
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptString: (s: string) => fake.encrypt(s),
    decryptString: (b: Buffer) => fake.decrypt(b)
  }
  return { app, ipcMain, safeStorage, default: { app, ipcMain, safeStorage } }
})

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  type Options = ConstructorParameters<typeof Conf>[0] & { name?: string }
  return {
    default: class ElectronStore extends Conf {
      constructor(options: Options = {}) {
        const { name, ...rest } = options
        super({ ...rest, configName: name ?? 'config', cwd: fake.userData, projectVersion: '0.1.0' })
      }
    }
  }
})

const { electronSecrets } = await import('../../../src/main/electron/electronSecrets')

let cleanup: () => void = () => undefined
beforeEach(() => {
  const t = tempDir('smo-electron-secrets-')
  cleanup = t.cleanup
  fake.userData = join(t.dir, 'SMO Desk')
  mkdirSync(fake.userData)
  fake.available = true
  fake.backend = 'gnome_libsecret'
})
afterEach(() => cleanup())

const keychainFile = () => join(fake.userData, 'keychain-secrets.json')
const SECRET = '{"keyId":"k1","key":"c2VjcmV0LWtleS1ieXRlcy0wMTIzNDU2Nzg5YWJjZGVm"}'

describe('desktop secret store (safeStorage)', () => {
  it('keeps only safeStorage ciphertext, as base64, in a 0600 electron-store file', () => {
    const s = electronSecrets()
    expect(s.protection.kind).toBe('os-keychain')
    s.set('team-data-key:T:/ws', SECRET)
    expect(s.get('team-data-key:T:/ws')).toBe(SECRET)
    const onDisk = readFileSync(keychainFile(), 'utf8')
    expect(onDisk).not.toContain('c2VjcmV0')
    const stored = (JSON.parse(onDisk) as Record<string, string>)['team-data-key:T:/ws'] ?? ''
    expect(Buffer.from(stored, 'base64').toString().startsWith('v10:')).toBe(true)
    if (process.platform !== 'win32') expect(statSync(keychainFile()).mode & 0o777).toBe(0o600)
    // A workspace path full of dots is one key, not a nested path.
    s.set('team-data-key:T:/home/ana/my.work.space', 'other')
    expect(electronSecrets().get('team-data-key:T:/home/ana/my.work.space')).toBe('other')
    expect(existsSync(join(fake.userData, SECRETS_FILE))).toBe(false)
  })

  it('a value the keychain can no longer decrypt reads as missing (the passphrase is asked again)', () => {
    writeFileSync(keychainFile(), JSON.stringify({ k: Buffer.from('from another machine').toString('base64') }))
    expect(electronSecrets().get('k')).toBeNull()
  })

  it('without a keychain it falls back to the 0600 file and says so', () => {
    fake.available = false
    const s = electronSecrets()
    expect(s.protection.kind).toBe('file-permissions')
    expect(s.protection.detail).toMatch(/No OS keychain/)
    s.set('k', SECRET)
    expect(fileSecrets(fake.userData).get('k')).toBe(SECRET)
    expect(existsSync(keychainFile())).toBe(false)
  })

  it.skipIf(process.platform !== 'linux')("treats Linux's basic_text backend (a hard-coded key) as no keychain", () => {
    fake.backend = 'basic_text'
    expect(electronSecrets().protection.kind).toBe('file-permissions')
  })

  it('moves a key saved while there was no keychain into it on first use', () => {
    fileSecrets(fake.userData).set('k', SECRET)
    const s = electronSecrets()
    expect(s.get('k')).toBe(SECRET)
    expect(fileSecrets(fake.userData).get('k')).toBeNull()
    expect(readFileSync(keychainFile(), 'utf8')).not.toContain('c2VjcmV0')
    expect(electronSecrets().get('k')).toBe(SECRET)
  })

  it('a damaged store file is a clear error and is left as it was', () => {
    writeFileSync(keychainFile(), '{"k": "dGhpcyBpcyBub3Q')
    const s = electronSecrets()
    expect(() => s.get('k')).toThrow(WorkspaceError)
    expect(() => s.set('k', SECRET)).toThrow(/damaged.*left it untouched/)
    expect(readFileSync(keychainFile(), 'utf8')).toBe('{"k": "dGhpcyBpcyBub3Q')
  })
})
