/**
 * Channels that are the same place under two records (a spreadsheet import next to the hand-made
 * one): same platform and same handle. Handles are compared without case, scheme, "www.", a leading
 * "@" or trailing slashes, because "https://LinkedIn.com/company/x/" and "linkedin.com/company/x" are
 * one page and a duplicate splits its history and double-counts its hours.
 */
export type DuplicateChannel = { channelId: string; duplicateOf: string[]; key: string }

export function handleKey(platform: string, handle: string): string | null {
  const h = handle
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '')
  return h === '' ? null : `${platform}:${h}`
}

/**
 * A retired channel is not one: it gets no hours and costs nothing, and retiring the copy is what the
 * warning asks for — so retiring it clears the warning.
 */
export function scoringDuplicates(channels: readonly { id: string; platform: string; handle: string; status: string }[]): DuplicateChannel[] {
  const groups = new Map<string, string[]>()
  for (const c of channels) {
    if (c.status === 'retired') continue
    const key = handleKey(c.platform, c.handle)
    if (key === null) continue
    const ids = groups.get(key) ?? []
    ids.push(c.id)
    groups.set(key, ids)
  }
  const out: DuplicateChannel[] = []
  for (const [key, ids] of groups) {
    if (ids.length < 2) continue
    for (const id of ids) out.push({ channelId: id, duplicateOf: ids.filter((x) => x !== id), key })
  }
  return out.sort((a, b) => (a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0))
}
