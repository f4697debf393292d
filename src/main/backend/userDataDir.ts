import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The folder Electron's app.getPath('userData') gives for productName "SMO Desk", computed without
 * Electron so the browser host and the CLI find the same settings and default workspace.
 */
export function userDataDir(): string {
  if (process.env.SMO_USER_DATA) return process.env.SMO_USER_DATA
  const home = homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'SMO Desk')
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SMO Desk')
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'SMO Desk')
}

/** `SMO_WORKSPACE` if set, else the demo workspace in the user-data folder. */
export function defaultWorkspaceDir(): string {
  return process.env.SMO_WORKSPACE ?? join(userDataDir(), 'workspace')
}
