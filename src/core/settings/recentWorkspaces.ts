/** How many workspaces File → Open recent lists (the settings schema allows no more). */
export const MAX_RECENT = 10

/** The list after opening `dir`: it moves to the front, once, and the oldest fall off. */
export function addRecent(list: readonly string[], dir: string): string[] {
  return [dir, ...list.filter((d) => d !== dir)].slice(0, MAX_RECENT)
}

/**
 * Drop workspaces whose folder is gone (moved, renamed, an unplugged drive), saying which, so the
 * menu never offers a dead entry and the user learns why one disappeared. `exists` is the host's probe.
 */
export function pruneRecent(list: readonly string[], exists: (dir: string) => boolean): { kept: string[]; note: string | null } {
  const kept = list.filter((d) => exists(d))
  const gone = list.filter((d) => !kept.includes(d))
  if (gone.length === 0) return { kept, note: null }
  const names = gone.slice(0, 3).join(', ') + (gone.length > 3 ? ` and ${gone.length - 3} more` : '')
  return { kept, note: `Removed from Open recent because the folder is no longer there: ${names}.` }
}
