import type { LinkConvention, UtmParam } from '../domain/linkConvention'
import { normaliseValue } from './linkValues'
import { parseTrackedUrl, type UtmKey, type UtmValues } from './trackedUrl'

/** One thing wrong with a link, the parameter it concerns, and the value that would fix it (if one is clear). */
export type LinkIssue = { field: UtmParam | 'url'; message: string; fix: string | null }

const paramOf = (k: UtmKey): UtmParam => `utm_${k}`

/** Levenshtein distance up to a small cap, to suggest "linkedin" for "linkdin". */
function near(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!
    prev[0] = i
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1))
      diag = up
    }
  }
  return prev[b.length]!
}

function closest(value: string, allowed: readonly string[]): string | null {
  const v = value.toLowerCase()
  const exact = allowed.find((a) => a.toLowerCase() === v)
  if (exact) return exact
  const best = allowed.map((a) => ({ a, d: near(v, a.toLowerCase()) })).sort((x, y) => x.d - y.d)[0]
  return best && best.d <= 2 ? best.a : null
}

/**
 * What is wrong with a link's tracking parameters under the team's convention, each with how to fix
 * it. `campaignSlugs` are our campaign records' slugs (checked only when the convention takes campaign
 * names from records). An empty list means the link follows the convention.
 */
export function checkUtm(utm: UtmValues, conv: LinkConvention, campaignSlugs: readonly string[]): LinkIssue[] {
  const issues: LinkIssue[] = []
  for (const p of conv.required) {
    const k = p.slice(4) as UtmKey
    if (utm[k].trim() === '') issues.push({ field: p, message: `${p} is required by the team's link convention`, fix: null })
  }
  for (const k of ['source', 'medium', 'campaign', 'content', 'term'] as const) {
    const v = utm[k]
    if (v === '') continue
    const shaped = normaliseValue(v, conv)
    if (shaped !== v) {
      const why = conv.casing === 'lower' && v !== v.toLowerCase() ? 'must be lower-case' : `uses spaces or the wrong separator (the convention joins words with "${conv.separator}")`
      issues.push({ field: paramOf(k), message: `${paramOf(k)} "${v}" ${why}: use "${shaped}"`, fix: shaped })
    }
  }
  const listed = (k: 'source' | 'medium', allowed: readonly string[]) => {
    const v = utm[k]
    if (v === '' || allowed.length === 0) return
    if (allowed.some((a) => a.toLowerCase() === v.toLowerCase())) return
    const hint = closest(v, allowed)
    issues.push({
      field: paramOf(k),
      message: `${paramOf(k)} "${v}" is not one of the team's ${k === 'source' ? 'sources' : 'mediums'}${hint ? `: did you mean "${hint}"?` : ` (${allowed.slice(0, 8).join(', ')}${allowed.length > 8 ? '…' : ''})`}`,
      fix: hint
    })
  }
  listed('source', conv.sources)
  listed('medium', conv.mediums)
  if (conv.campaignFromRecords && utm.campaign !== '' && campaignSlugs.length > 0) {
    const shaped = normaliseValue(utm.campaign, conv)
    if (!campaignSlugs.includes(shaped)) {
      const hint = closest(shaped, campaignSlugs)
      issues.push({
        field: 'utm_campaign',
        message: `utm_campaign "${utm.campaign}" is not one of our campaigns${hint ? `: did you mean "${hint}"?` : '; pick the campaign on the item, or add it under Campaigns'}`,
        fix: hint
      })
    }
  }
  return issues
}

/** checkUtm for a whole link: a link that cannot be read is one issue on the url. */
export function checkLink(url: string, conv: LinkConvention, campaignSlugs: readonly string[]): LinkIssue[] {
  const r = parseTrackedUrl(url)
  if (!r.ok) return [{ field: 'url', message: r.message, fix: null }]
  return checkUtm(r.link.utm, conv, campaignSlugs)
}
