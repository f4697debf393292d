import type { LinkConvention } from '../domain/linkConvention'
import { checkUtm, type LinkIssue } from './checkLink'
import { pageKey, parseTrackedUrl, type UtmValues } from './trackedUrl'

/** A link in use: a saved tracked link, or an item's tracking link typed or imported without one. */
export type RegistryInput = {
  id: string
  url: string
  contentId: string | null
  campaignId: string | null
  channelId: string | null
  /** 'link': a tracked-link record; 'item': only the item's tracking link field. */
  origin: 'link' | 'item'
}

export type RegistryFlag =
  | { kind: 'duplicate'; message: string; others: string[] }
  | { kind: 'conflict'; message: string; others: string[] }
  | { kind: 'convention'; message: string; field: LinkIssue['field'] }
  | { kind: 'unreadable'; message: string }

export type RegistryRow = RegistryInput & { base: string; utm: UtmValues | null; flags: RegistryFlag[] }

const usedBy = (r: RegistryInput) => r.contentId ?? r.campaignId ?? r.channelId ?? r.id

/**
 * Every link with what is wrong with it (issue #15 item 3): the same final link used by two items
 * (a duplicate: their results cannot be told apart), the same page and campaign tagged with sources or
 * mediums that differ only in casing or spelling (a conflict: GA4 splits them into separate rows), and
 * each link's breaches of the convention. Pure; O(n) with maps, so thousands of links list instantly.
 */
export function linkRegistry(inputs: readonly RegistryInput[], conv: LinkConvention, campaignSlugs: readonly string[]): RegistryRow[] {
  const rows: RegistryRow[] = inputs.map((i) => {
    const p = parseTrackedUrl(i.url)
    if (!p.ok) return { ...i, base: '', utm: null, flags: [{ kind: 'unreadable', message: p.message }] }
    const flags: RegistryFlag[] = checkUtm(p.link.utm, conv, campaignSlugs).map((x) => ({ kind: 'convention', message: x.message, field: x.field }))
    return { ...i, base: p.link.base, utm: p.link.utm, flags }
  })
  // The same link saved as a record and typed on its item is one use, not a duplicate.
  const byUrl = new Map<string, RegistryRow[]>()
  for (const r of rows) {
    if (r.utm === null) continue
    const k = r.url.trim()
    byUrl.set(k, [...(byUrl.get(k) ?? []), r])
  }
  for (const group of byUrl.values()) {
    const uses = new Set(group.map(usedBy))
    if (uses.size < 2) continue
    for (const r of group) {
      const others = group.filter((o) => usedBy(o) !== usedBy(r)).map((o) => o.id)
      r.flags.push({ kind: 'duplicate', message: `The same link is used by ${uses.size} places: their results cannot be told apart (give each its own utm_content)`, others })
    }
  }
  const byPageCampaign = new Map<string, RegistryRow[]>()
  for (const r of rows) {
    if (r.utm === null || r.utm.campaign === '') continue
    const k = `${pageKey(r.base)}\u0000${r.utm.campaign.toLowerCase()}`
    byPageCampaign.set(k, [...(byPageCampaign.get(k) ?? []), r])
  }
  for (const group of byPageCampaign.values()) {
    for (const field of ['source', 'medium'] as const) {
      const spellings = new Map<string, Set<string>>()
      for (const r of group) {
        const v = r.utm![field]
        spellings.set(v.toLowerCase(), (spellings.get(v.toLowerCase()) ?? new Set()).add(v))
      }
      for (const [lower, set] of spellings) {
        if (set.size < 2) continue
        const members = group.filter((r) => r.utm![field].toLowerCase() === lower)
        for (const r of members)
          r.flags.push({
            kind: 'conflict',
            message: `utm_${field} is written ${[...set].map((s) => `"${s}"`).join(' and ')} for the same page and campaign: analytics counts them as different ${field === 'source' ? 'sources' : 'mediums'}`,
            others: members.filter((o) => o.id !== r.id).map((o) => o.id)
          })
      }
    }
  }
  return rows
}
