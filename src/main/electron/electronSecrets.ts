import { join } from 'node:path'
import { app, safeStorage } from 'electron'
import Store from 'electron-store'
import { fileSecrets } from '../backend/settings/fileSecrets'
import type { SecretPort } from '../backend/settings/secretPort'
import { WorkspaceError } from '../backend/workspaceError'

const STORE_NAME = 'keychain-secrets'

const NO_KEYCHAIN =
  'No OS keychain is available to SMO Desk on this computer (on Linux: no Secret Service or KWallet running), so team keys are saved in a file only your user account may read — file permissions, not an OS keychain.'

/**
 * Secrets in the desktop host: encrypted with Electron `safeStorage` (Keychain on macOS, DPAPI on
 * Windows, Secret Service or KWallet on Linux) and kept as base64 in a per-machine electron-store
 * beside the settings. Call after `app` is ready: before that `safeStorage` cannot say whether a
 * keychain exists.
 *
 * Without a keychain it falls back to the file store of the browser host and the CLI and says so in
 * `protection`. Linux's `basic_text` backend counts as no keychain: its key is hard-coded in
 * Chromium, so it hides the value without protecting it.
 *
 * The synchronous `safeStorage` calls are deprecated in favour of async ones, but sync rounds are
 * synchronous end to end (SQLite and the folder I/O), and these calls are a few per round.
 */
export function electronSecrets(): SecretPort {
  const dir = app.getPath('userData')
  const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  if (!safeStorage.isEncryptionAvailable() || basicText) return fileSecrets(dir, NO_KEYCHAIN)

  const file = join(dir, `${STORE_NAME}.json`)
  let store: Store<Record<string, string>> | null = null
  // Opened on first use, so a damaged file only stops team sync, never the app from starting.
  const open = (): Store<Record<string, string>> => {
    try {
      store ??= new Store<Record<string, string>>({ name: STORE_NAME, accessPropertiesByDotNotation: false, configFileMode: 0o600 })
      return store
    } catch (e) {
      // A parse error's message quotes the file; it is replaced, not passed on.
      if (e instanceof SyntaxError)
        throw new WorkspaceError('corrupt', `${file} (the team keys saved on this computer) is damaged, so SMO Desk left it untouched. Move it aside and enter the team passphrase again.`)
      throw e
    }
  }
  const set = (name: string, value: string): void => open().set(name, safeStorage.encryptString(value).toString('base64'))
  // Keys saved while no keychain was available (say, before a keyring was installed) move in on first use.
  const fallback = fileSecrets(dir)

  return {
    protection: { kind: 'os-keychain', detail: 'Encrypted with the operating system keychain (Electron safeStorage).' },
    get: (name) => {
      const sealed = open().get(name)
      if (typeof sealed === 'string') {
        try {
          return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
        } catch {
          // The keychain entry is gone (OS reinstalled, profile copied to another machine): treated
          // as not saved, so the team passphrase is asked for again and the key re-saved.
          return null
        }
      }
      const old = fallback.get(name)
      if (old !== null) {
        set(name, old)
        fallback.delete(name)
      }
      return old
    },
    set,
    delete: (name) => {
      open().delete(name)
      fallback.delete(name)
    }
  }
}
