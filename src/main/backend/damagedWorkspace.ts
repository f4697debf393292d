import { newestGoodBackup } from './backup/newestGoodBackup'
import { WorkspaceError } from './workspaceError'
import { workspacePaths } from './workspacePaths'

/**
 * The refusal for a workspace database that fails SQLite's integrity check: one sentence that names
 * the file, says it was not used, and names the command that restores the newest backup passing the
 * same check (the desktop and browser hosts offer that backup on a screen instead).
 */
export function damagedWorkspace(dir: string, problem: string): WorkspaceError {
  const paths = workspacePaths(dir)
  const good = newestGoodBackup(paths.backups)
  const what = `${paths.db} is damaged (SQLite's integrity check says: ${problem}), so it was not opened`
  const message = good
    ? `${what}; restore the newest good backup, from ${good.createdAt.slice(0, 16).replace('T', ' ')} UTC, with \`smo restore --workspace ${dir} --from ${good.path}\` (the damaged file is kept aside as workspace.damaged-….sqlite).`
    : `${what}, and no backup in ${paths.backups} passes the check either; keep the file and ask whoever manages your backups or team folder for a copy.`
  return new WorkspaceError('corrupt', message, { dir, file: paths.db, problem, restoreFrom: good })
}
