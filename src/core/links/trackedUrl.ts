/**
 * Tracked links without a URL class (core runs in every room, with ES2023 only): split a link into
 * its base (scheme, host, path), its UTM parameters and the rest of its query, and put one back
 * together. Pure and total: a bad link is a sentence, never a throw.
 */
export type UtmValues = { source: string; medium: string; campaign: string; content: string; term: string }
export type UtmKey = keyof UtmValues
export const utmKeys: readonly UtmKey[] = ['source', 'medium', 'campaign', 'content', 'term']
export const emptyUtm: UtmValues = { source: '', medium: '', campaign: '', content: '', term: '' }

export type ParsedLink = {
  /** Scheme, host (lower-cased) and path, without query or fragment: "https://northwind.example/guide". */
  base: string
  utm: UtmValues
  /** Query parameters other than utm_*, in their order (kept, so a link's own ?id=… survives). */
  other: [string, string][]
  /** The fragment without '#', '' if none. */
  hash: string
}

export type ParseResult = { ok: true; link: ParsedLink } | { ok: false; message: string }

const LINK = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** Percent-encode a query value, keeping the characters tracking values are made of readable. */
function encode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+')
}

export function parseTrackedUrl(text: string): ParseResult {
  const t = text.trim()
  if (t === '') return { ok: false, message: 'The link is empty' }
  const m = LINK.exec(t)
  if (!m) return { ok: false, message: `"${t.length > 80 ? `${t.slice(0, 80)}…` : t}" is not a full http(s):// link` }
  const [, scheme, host, path, query, hash] = m
  const utm: UtmValues = { ...emptyUtm }
  const other: [string, string][] = []
  for (const part of (query ?? '').slice(1).split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = decode(eq < 0 ? part : part.slice(0, eq))
    const value = eq < 0 ? '' : decode(part.slice(eq + 1))
    const k = key.toLowerCase()
    if (k.startsWith('utm_') && (utmKeys as readonly string[]).includes(k.slice(4))) utm[k.slice(4) as UtmKey] = value
    else other.push([key, value])
  }
  return { ok: true, link: { base: `${scheme!.toLowerCase()}://${host!.toLowerCase()}${path === '' ? '/' : path}`, utm, other, hash: (hash ?? '').slice(1) } }
}

/** Base + UTM values (empty ones left out) + the link's other parameters and fragment → the final link. */
export function composeTrackedUrl(base: string, utm: UtmValues, other: readonly [string, string][] = [], hash = ''): string {
  const params = [
    ...other.map(([k, v]) => `${encode(k)}=${encode(v)}`),
    ...utmKeys.filter((k) => utm[k] !== '').map((k) => `utm_${k}=${encode(utm[k])}`)
  ]
  return `${base}${params.length > 0 ? `?${params.join('&')}` : ''}${hash !== '' ? `#${hash}` : ''}`
}

/**
 * The key links and analytics rows are matched on: host and path without "www.", a trailing slash
 * or the scheme, lower-cased ("https://www.Example.com/Guide/" and "example.com/guide" are one page).
 * Accepts a bare path ("/guide") as GA4's landing page column gives it.
 */
export function pageKey(urlOrPath: string): string {
  let s = urlOrPath.trim().toLowerCase()
  s = s.replace(/^https?:\/\//, '').replace(/[?#].*$/, '')
  s = s.replace(/^www\./, '')
  if (s.length > 1) s = s.replace(/\/+$/, '')
  return s
}

/** The path of a page key ("example.com/guide" → "/guide"), for rows that carry only a path. */
export function pathOf(key: string): string {
  if (key.startsWith('/')) return key
  const slash = key.indexOf('/')
  return slash < 0 ? '/' : key.slice(slash)
}
