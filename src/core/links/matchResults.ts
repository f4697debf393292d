import type { Platform } from './platform'
import { pageKey, parseTrackedUrl, pathOf, type UtmValues } from './trackedUrl'

export type MatchTarget = { contentId: string | null; channelId: string | null; campaignId: string | null }
export type MatchResult = { ok: true; target: MatchTarget; rule: string } | { ok: false; reason: string }

export type MatchLink = { url: string } & MatchTarget
export type MatchSetup = {
  links: readonly MatchLink[]
  campaigns: readonly { id: string; slug: string }[]
  channels: readonly { id: string; platform: Platform }[]
  /** The convention's default source per channel type, to find a channel from a source with no link. */
  channelDefaults: readonly { platform: Platform; source: string }[]
}

export type MatchIndex = {
  byParams: Map<string, MatchTarget[]>
  byPage: Map<string, MatchTarget[]>
  byPath: Map<string, MatchTarget[]>
  campaignBySlug: Map<string, string>
  channelBySource: Map<string, string | null>
}

const lc = (s: string) => s.trim().toLowerCase()
const paramsKey = (u: Pick<UtmValues, 'source' | 'medium' | 'campaign'>, content?: string) =>
  `${lc(u.source)}\u0000${lc(u.medium)}\u0000${lc(u.campaign)}${content === undefined ? '' : `\u0000${lc(content)}`}`
const targetKey = (t: MatchTarget) => `${t.contentId}|${t.channelId}|${t.campaignId}`

/** Each list holds a target once; targets are interned (buildMatchIndex), so the same target is the same object. */
function push(map: Map<string, MatchTarget[]>, key: string, t: MatchTarget): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [t])
  else if (!list.includes(t)) list.push(t)
}

/** Maps from tracking parameters, pages, campaign slugs and sources to what they belong to; built once per import. */
export function buildMatchIndex(s: MatchSetup): MatchIndex {
  const idx: MatchIndex = { byParams: new Map(), byPage: new Map(), byPath: new Map(), campaignBySlug: new Map(), channelBySource: new Map() }
  for (const c of s.campaigns) idx.campaignBySlug.set(lc(c.slug), c.id)
  const sourceChannels = new Map<string, Set<string>>()
  const interned = new Map<string, MatchTarget>()
  const addSource = (source: string, channelId: string) => sourceChannels.set(lc(source), (sourceChannels.get(lc(source)) ?? new Set()).add(channelId))
  for (const l of s.links) {
    const p = parseTrackedUrl(l.url)
    if (!p.ok) continue
    // One object per distinct target: a row's parameters and its page are then narrowed by identity, not
    // by building keys per comparison (100k GA4 rows: 6.4 s → well under a second).
    const fresh: MatchTarget = { contentId: l.contentId, channelId: l.channelId, campaignId: l.campaignId }
    const key = targetKey(fresh)
    let t = interned.get(key)
    if (t === undefined) interned.set(key, (t = fresh))
    if (p.link.utm.campaign !== '') {
      push(idx.byParams, paramsKey(p.link.utm), t)
      push(idx.byParams, paramsKey(p.link.utm, p.link.utm.content), t)
    }
    const page = pageKey(p.link.base)
    push(idx.byPage, page, t)
    push(idx.byPath, pathOf(page), t)
    if (l.channelId !== null && p.link.utm.source !== '') addSource(p.link.utm.source, l.channelId)
  }
  for (const d of s.channelDefaults) for (const ch of s.channels) if (ch.platform === d.platform) addSource(d.source, ch.id)
  for (const [source, ids] of sourceChannels) idx.channelBySource.set(source, ids.size === 1 ? [...ids][0]! : null)
  return idx
}

/** What several targets have in common: the campaign and channel they share, no item. */
function common(list: readonly MatchTarget[]): MatchTarget {
  const same = (k: 'channelId' | 'campaignId') => (list.every((t) => t[k] === list[0]![k]) ? list[0]![k] : null)
  return { contentId: null, channelId: same('channelId'), campaignId: same('campaignId') }
}

function fromMany(list: MatchTarget[], what: string): MatchResult {
  if (list.length === 1) return { ok: true, target: list[0]!, rule: what }
  const c = common(list)
  if (c.campaignId === null && c.channelId === null) return { ok: false, reason: `ambiguous: ${what} fit ${list.length} items of different campaigns and channels` }
  return { ok: true, target: c, rule: `${what}, shared by ${list.length} items: counted to their ${c.campaignId !== null ? 'campaign' : 'channel'}` }
}

/**
 * Which item, channel and campaign a results row belongs to, and by which rule (issue #15 item 4):
 * 1. its tracking parameters equal a link's (with utm_content when it has one, which tells items apart),
 *    narrowed by its landing page where several items share those parameters;
 * 2. else its utm_campaign is one of our campaigns' slugs (the channel then from its source);
 * 3. else its landing page is one link's page;
 * otherwise it stays unmatched, with why. Case-insensitive, as analytics tools differ in casing.
 */
export function matchRow(idx: MatchIndex, utm: UtmValues, landing: string): MatchResult {
  if (utm.campaign !== '') {
    const withContent = utm.content !== '' ? idx.byParams.get(paramsKey(utm, utm.content)) : undefined
    const exact = withContent ?? idx.byParams.get(paramsKey(utm))
    const rule = withContent ? 'tracking parameters (source, medium, campaign, content)' : 'tracking parameters (source, medium, campaign)'
    if (exact !== undefined && exact.length > 1 && landing !== '') {
      // A campaign's posts on one channel often share their parameters; the page each one links to
      // tells them apart (GA4 reports the landing page beside the parameters).
      const page = pageKey(landing)
      const onPage = idx.byPage.get(page) ?? idx.byPath.get(pathOf(page)) ?? []
      const both = exact.filter((t) => onPage.includes(t))
      if (both.length > 0) return fromMany(both, `${rule} and landing page`)
    }
    if (exact !== undefined) return fromMany(exact, rule)
    const campaignId = idx.campaignBySlug.get(lc(utm.campaign)) ?? null
    const channelId = utm.source === '' ? null : (idx.channelBySource.get(lc(utm.source)) ?? null)
    if (campaignId !== null) return { ok: true, target: { contentId: null, channelId, campaignId }, rule: channelId !== null ? 'campaign name and source' : 'campaign name' }
    if (landing === '') return { ok: false, reason: `campaign "${utm.campaign}" is not one of our campaigns or links` }
  }
  if (landing !== '') {
    const page = pageKey(landing)
    const list = idx.byPage.get(page) ?? idx.byPath.get(pathOf(page))
    if (list !== undefined) return fromMany(list, 'landing page')
    return { ok: false, reason: utm.campaign !== '' ? `campaign "${utm.campaign}" is unknown and the landing page is not one of our links` : 'no utm_campaign, and the landing page is not one of our links' }
  }
  return { ok: false, reason: utm.source !== '' ? `no utm_campaign (source "${utm.source}${utm.medium ? ` / ${utm.medium}` : ''}" alone does not say which item)` : 'no utm_campaign and no landing page' }
}
