/**
 * How well a secret store protects what it holds, in words a person can check: the status and the
 * README say which one a machine uses instead of calling every store a keychain.
 * - `os-keychain`: encrypted with a key the operating system keeps (Electron `safeStorage`).
 * - `file-permissions`: a plain file only this user account may read (mode 0600). Anyone who can
 *   read the user's files — an administrator, malware, a copy of the home folder — can read it.
 */
export type SecretProtection = { kind: 'os-keychain' | 'file-permissions'; detail: string }

/**
 * Per-machine secrets (the team data key of each workspace), kept out of the workspace database
 * because that file is copied into backups and sent around. Hosts inject one, like `SettingsPort`.
 * Values are strings; names are chosen by the caller and must say which workspace and team they
 * belong to. Implementations never put a value into an error message or a log.
 */
export type SecretPort = {
  get: (name: string) => string | null
  set: (name: string, value: string) => void
  delete: (name: string) => void
  protection: SecretProtection
}
