import type { BackupEntry } from '../../core/api/methods/transferMethods'

/**
 * A problem with the workspace itself (not with one request): not a database, corrupt, too new,
 * in use. The message names the file and says what to do, because a person reads it in a dialog
 * or a terminal.
 */
export class WorkspaceError extends Error {
  constructor(
    readonly reason: 'not_sqlite' | 'corrupt' | 'newer_schema' | 'in_use' | 'missing' | 'unwritable',
    message: string,
    /** For a damaged workspace: the newest backup that passes the check, which hosts offer to restore. */
    readonly damaged?: { dir: string; file: string; problem: string; restoreFrom: BackupEntry | null }
  ) {
    super(message)
    this.name = 'WorkspaceError'
  }
}
