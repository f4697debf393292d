/**
 * The update source an IT administrator sets (settings `updateFeed`): a web address or a folder the
 * team already shares, holding what `npm run dist` wrote (latest.yml and the installers). Turned into
 * the URL for electron-updater's generic provider; empty means updates are off.
 */
export type UpdateFeed = { ok: true; url: string | null } | { ok: false; message: string }

export function updateFeed(raw: string | null): UpdateFeed {
  const feed = raw?.trim() ?? ''
  if (feed === '') return { ok: true, url: null }
  if (/^https?:\/\//i.test(feed)) {
    if (!/^https?:\/\/[^/\s]+/i.test(feed)) return { ok: false, message: `Update address "${feed}" has no server name. Use a full address such as https://intranet.example.com/smo-desk/.` }
    return { ok: true, url: feed.endsWith('/') ? feed : `${feed}/` }
  }
  const unc = /^\\\\([^\\]+)\\(.+)$/.exec(feed)
  if (unc) return { ok: true, url: `file://${unc[1]}/${encodeURI(unc[2]!.replace(/\\/g, '/'))}/`.replace(/\/+$/, '/') }
  if (/^[a-z]:[\\/]/i.test(feed)) return { ok: true, url: `file:///${encodeURI(feed.replace(/\\/g, '/'))}/`.replace(/\/+$/, '/') }
  if (feed.startsWith('/')) return { ok: true, url: `file://${encodeURI(feed)}/`.replace(/\/+$/, '/') }
  return { ok: false, message: `Update source "${feed}" is neither a web address (https://…) nor a full folder path (/…, C:\\…, \\\\server\\share\\…).` }
}
