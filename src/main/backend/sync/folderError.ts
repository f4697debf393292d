/**
 * Folder-level errors a person can act on (SYNC.md §2.5.1, §2.12). The status UI shows `message`
 * as is; `transient` tells the scheduler to retry later instead of asking the user to do something.
 * None of these ever leads to deleting or overwriting data: they only stop or postpone a cycle.
 */
export type SyncFolderErrorCode =
  | 'missing'
  | 'not-a-team-folder'
  | 'other-team'
  | 'read-only'
  | 'disk-full'
  | 'wrong-passphrase'
  | 'newer-format'
  | 'busy'
  | 'unavailable'
  | 'name-taken'
  | 'verify-failed'

const MESSAGES: Record<SyncFolderErrorCode, string> = {
  missing:
    'The shared folder cannot be found, so your changes are kept on this computer; if it is on a USB stick or network drive, plug it in or reconnect and sync carries on by itself.',
  'not-a-team-folder': 'This folder has sync files but no team file. Choose the "SMO Desk Team" folder your team shares, or ask the person who set it up.',
  'other-team': "This shared folder belongs to a different team. Nothing was changed. Choose your own team's folder in Settings.",
  'read-only':
    "SMO Desk cannot write to the shared folder (it is read-only or you lack permission), so your changes are kept on this computer; ask whoever shares the folder for write access and they will be shared by themselves.",
  'disk-full':
    'The shared folder is full (disk or cloud quota), so your changes are kept on this computer; free some space there (or raise the quota) and they will be shared by themselves.',
  'wrong-passphrase':
    'The team passphrase is not correct, so shared changes stay locked; enter the right one in Settings → Team sync (ask the person who set up the team). Your own work is not affected.',
  'newer-format': 'A teammate uses a newer version of SMO Desk. Update to see their changes; everything else keeps syncing.',
  busy: 'Another program (often the cloud sync client or antivirus) is using a file. SMO Desk will retry shortly.',
  unavailable: 'Some shared files are not available on this computer yet (online-only or still downloading). Mark the folder "Always keep on this device"; SMO Desk will retry.',
  'name-taken': 'Another copy of this device seems to be writing to the shared folder (a copied profile or a restored backup). Both versions are kept; open Sync Health to fix it.',
  'verify-failed': 'A file written to the shared folder could not be read back correctly. Your changes are kept on this computer and will be written again.'
}

const TRANSIENT: ReadonlySet<SyncFolderErrorCode> = new Set(['busy', 'unavailable', 'verify-failed', 'missing'])

export class SyncFolderError extends Error {
  readonly code: SyncFolderErrorCode
  readonly transient: boolean
  readonly detail: string
  constructor(code: SyncFolderErrorCode, detail = '') {
    super(MESSAGES[code])
    this.name = 'SyncFolderError'
    this.code = code
    this.transient = TRANSIENT.has(code)
    this.detail = detail
  }
}

function errnoCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code
    if (typeof code === 'string') return code
  }
  return ''
}

/** Maps a file-system error to the taxonomy; unknown errors pass through unchanged. */
export function classifyFsError(err: unknown, path: string): unknown {
  if (err instanceof SyncFolderError) return err
  const detail = `${errnoCode(err)} ${path}`
  switch (errnoCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
      return new SyncFolderError('missing', detail)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new SyncFolderError('read-only', detail)
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new SyncFolderError('disk-full', detail)
    case 'EBUSY':
    case 'EAGAIN':
    case 'EMFILE':
      return new SyncFolderError('busy', detail)
    case 'EIO':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTDOWN':
      return new SyncFolderError('unavailable', detail)
    default:
      return err
  }
}
