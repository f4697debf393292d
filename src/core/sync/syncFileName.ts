/**
 * Names in the shared folder (SYNC.md §2.2, §2.5.3). Names are hints only: readers parse every ops
 * file by its header, conflicted copies included, so recognising a provider's pattern serves the
 * status UI and gap bookkeeping, never the decision to apply or drop data.
 */
export type ConflictProvider = 'dropbox' | 'nextcloud' | 'google-drive' | 'syncthing' | 'onedrive'

export type SyncFileName =
  | { kind: 'ops'; first: number; last: number; sealed: boolean; encrypted: boolean; conflicted: ConflictProvider | null; canonical: string }
  | { kind: 'state'; hlc: string; conflicted: ConflictProvider | null; canonical: string }
  | { kind: 'temp' }
  | { kind: 'other' }

const OPS = /^ops-(\d{12})-(\d{12})\.log(\.gz)?(\.enc)?$/
const STATE = /^state-([0-9a-f]{32})\.json$/
const SEQ_DIGITS = 12

/** Our own temp names are `<final>.tmp-<rand>`; cloud clients add their own partial-download names. */
export function isTempFile(name: string): boolean {
  return (
    /\.tmp-[^/]*$/.test(name) ||
    /\.(partial|part|crdownload|download|!sync|syncthing\.[^/]*\.tmp)$/i.test(name) ||
    /^~\$|^\.~lock\.|^\.syncthing\./.test(name)
  )
}

/** Strips one provider's conflicted-copy decoration; null when the name carries none. */
export function stripConflictMarker(name: string): { name: string; provider: ConflictProvider } | null {
  const syncthing = name.replace(/\.sync-conflict-\d{8}-\d{6}(-[A-Z0-9]{7})?/, '')
  if (syncthing !== name) return { name: syncthing, provider: 'syncthing' }
  const nextcloud = name.replace(/ \(conflicted copy[^()]*(\([^()]*\))?[^()]*\)/i, '')
  if (nextcloud !== name) return { name: nextcloud, provider: 'nextcloud' }
  const dropbox = name.replace(/ \([^()]*conflicted copy[^()]*(\([^()]*\))?[^()]*\)/i, '')
  if (dropbox !== name) return { name: dropbox, provider: 'dropbox' }
  const drive = name.replace(/ \(\d+\)(?=\.|$)/, '')
  if (drive !== name) return { name: drive, provider: 'google-drive' }
  // OneDrive keeps both copies by appending "-<HOSTNAME>" before the extension. Our names end in a
  // fixed-width seq or a 32-hex HLC there, so anything after that is the host suffix.
  const onedrive = name.replace(new RegExp(`^((?:ops-\\d{${SEQ_DIGITS}}-\\d{${SEQ_DIGITS}})|(?:state-[0-9a-f]{32}))-[A-Za-z0-9_-]+(?=\\.)`), '$1')
  if (onedrive !== name) return { name: onedrive, provider: 'onedrive' }
  return null
}

export function parseSyncFileName(name: string): SyncFileName {
  if (isTempFile(name)) return { kind: 'temp' }
  const stripped = stripConflictMarker(name)
  const canonical = stripped?.name ?? name
  const conflicted = stripped?.provider ?? null
  const ops = OPS.exec(canonical)
  if (ops) {
    const first = Number(ops[1])
    const last = Number(ops[2])
    if (first < 1 || last < first) return { kind: 'other' }
    return { kind: 'ops', first, last, sealed: ops[3] !== undefined, encrypted: ops[4] !== undefined, conflicted, canonical }
  }
  const state = STATE.exec(canonical)
  if (state) return { kind: 'state', hlc: state[1] ?? '', conflicted, canonical }
  return { kind: 'other' }
}

export function opsFileName(first: number, last: number, sealed: boolean, encrypted: boolean): string {
  const pad = (n: number): string => String(n).padStart(SEQ_DIGITS, '0')
  return `ops-${pad(first)}-${pad(last)}.log${sealed ? '.gz' : ''}${encrypted ? '.enc' : ''}`
}
