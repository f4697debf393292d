import { join } from 'node:path'
import type { WebPreferences } from 'electron'

/**
 * The one set of web preferences every SMO Desk window gets (the main window and the first-start
 * picker): the preload bridge only, context isolation, the sandbox, no Node in the page. Kept in one
 * place so a new window cannot be opened with a weaker set by copying an old one.
 */
export function secureWebPreferences(extra: Pick<WebPreferences, 'spellcheck'> = {}): WebPreferences {
  return {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    ...extra
  }
}
