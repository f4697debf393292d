import { join } from 'node:path'

/** Where a workspace keeps its files. A workspace is a folder so backups and sync state sit beside the database. */
export function workspacePaths(dir: string) {
  return {
    dir,
    db: join(dir, 'workspace.sqlite'),
    lock: join(dir, 'workspace.lock'),
    backups: join(dir, 'backups'),
    exports: join(dir, 'exports')
  }
}
