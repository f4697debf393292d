/**
 * Names real sync clients give a second copy of a file (SYNC.md §2.5.3): Dropbox, Nextcloud, Google
 * Drive, Syncthing and OneDrive, the same markers as test/main/sync/faultyIo.ts.
 */
export const COPY_MARKERS = [
  ' (conflicted copy 2026-11-23 101010)',
  " (Sam's conflicted copy 2026-11-23)",
  ' (1)',
  '.sync-conflict-20261123-101010-ABCDEFG',
  '-LAPTOP7'
] as const

/** `ops-1-5.log` + ` (1)` → `ops-1-5 (1).log`: every provider decorates before the first extension. */
export function conflictedName(name: string, marker: string): string {
  const dot = name.indexOf('.')
  return dot < 0 ? name + marker : name.slice(0, dot) + marker + name.slice(dot)
}

/** True for a name the simulator (or a provider) made as a conflicted copy. */
export function isConflictedName(name: string): boolean {
  return COPY_MARKERS.some((m) => name.includes(m))
}
