import { z } from 'zod'
import { enums } from './enums'
import { primitives as p } from './primitives'
import { recordKind, type FieldIssue } from './recordKind'

/** A tracking value as the convention stores it: lower-case letters, digits, - and _ (the casing rule applies on top). */
const paramValue = z.string().trim().min(1, 'Required').max(80, 'At most 80 characters')

export const channelDefault = z.object({
  platform: enums.platform,
  source: paramValue,
  medium: paramValue
})

export const utmParam = z.enum(['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'])
export type UtmParam = z.infer<typeof utmParam>

const conventionFields = z.object({
  name: p.name(120),
  sources: z.array(paramValue).max(100),
  mediums: z.array(paramValue).max(100),
  channelDefaults: z.array(channelDefault).max(30),
  /** 'lower': every value lower-case (GA4 counts "LinkedIn" and "linkedin" as two sources). */
  casing: z.enum(['lower', 'keep'], { error: 'Casing is lower or keep' }),
  /** What replaces spaces and other separators inside a value. */
  separator: z.enum(['-', '_'], { error: 'The separator is - or _' }),
  required: z.array(utmParam).max(5),
  /** utm_campaign must be the slug of one of our campaign records. */
  campaignFromRecords: z.boolean()
})

export type LinkConvention = z.infer<typeof conventionFields>

/**
 * The team's rules for tracked links (issue #15 item 3): which utm_source and utm_medium values are
 * allowed, the default pair per channel type, the casing and the separator that replaces spaces, which
 * parameters a link must carry, and whether utm_campaign must be one of our campaigns' slugs. A
 * replicated singleton like the publishing policy: the newest live one is the workspace's convention.
 */
export const linkConvention = recordKind({
  kind: 'linkConvention',
  table: 'link_convention',
  label: 'Link convention',
  plural: 'Link conventions',
  fields: conventionFields,
  defaults: { name: 'Link convention', sources: [], mediums: [], channelDefaults: [], casing: 'lower', separator: '-', required: ['utm_source', 'utm_medium', 'utm_campaign'], campaignFromRecords: true },
  required: [],
  refs: {},
  search: ['name'],
  title: 'name',
  check: (c) => conventionIssues(c)
})

function conventionIssues(c: LinkConvention): FieldIssue[] {
  const issues: FieldIssue[] = []
  const twice = (field: 'sources' | 'mediums') => {
    const seen = new Set<string>()
    c[field].forEach((v, i) => {
      const k = v.toLowerCase()
      if (seen.has(k)) issues.push({ path: [field, i], message: `"${v}" is listed twice` })
      seen.add(k)
    })
  }
  twice('sources')
  twice('mediums')
  const platforms = new Set<string>()
  c.channelDefaults.forEach((d, i) => {
    if (platforms.has(d.platform)) issues.push({ path: ['channelDefaults', i, 'platform'], message: 'This channel type has a default already' })
    platforms.add(d.platform)
    if (c.sources.length > 0 && !c.sources.some((s) => s.toLowerCase() === d.source.toLowerCase()))
      issues.push({ path: ['channelDefaults', i, 'source'], message: `"${d.source}" is not one of the allowed sources` })
    if (c.mediums.length > 0 && !c.mediums.some((s) => s.toLowerCase() === d.medium.toLowerCase()))
      issues.push({ path: ['channelDefaults', i, 'medium'], message: `"${d.medium}" is not one of the allowed mediums` })
  })
  if (new Set(c.required).size !== c.required.length) issues.push({ path: ['required'], message: 'A parameter is listed twice' })
  return issues
}

/** The convention a workspace has before anyone edits it: GA4's default channel grouping reads these pairs. */
export const defaultConvention: LinkConvention = {
  name: 'Link convention',
  sources: ['linkedin', 'x', 'youtube', 'newsletter', 'blog', 'podcast', 'forum', 'event', 'webinar', 'instagram', 'facebook', 'mastodon', 'tiktok', 'threads', 'bluesky', 'reddit', 'partner'],
  mediums: ['social', 'email', 'video', 'referral', 'audio', 'event', 'webinar', 'cpc'],
  channelDefaults: [
    { platform: 'linkedin', source: 'linkedin', medium: 'social' },
    { platform: 'x', source: 'x', medium: 'social' },
    { platform: 'instagram', source: 'instagram', medium: 'social' },
    { platform: 'facebook', source: 'facebook', medium: 'social' },
    { platform: 'mastodon', source: 'mastodon', medium: 'social' },
    { platform: 'tiktok', source: 'tiktok', medium: 'social' },
    { platform: 'threads', source: 'threads', medium: 'social' },
    { platform: 'bluesky', source: 'bluesky', medium: 'social' },
    { platform: 'reddit', source: 'reddit', medium: 'social' },
    { platform: 'youtube', source: 'youtube', medium: 'video' },
    { platform: 'newsletter', source: 'newsletter', medium: 'email' },
    { platform: 'blog', source: 'blog', medium: 'referral' },
    { platform: 'forum', source: 'forum', medium: 'referral' },
    { platform: 'podcast', source: 'podcast', medium: 'audio' },
    { platform: 'events', source: 'event', medium: 'event' },
    { platform: 'webinar', source: 'webinar', medium: 'webinar' }
  ],
  casing: 'lower',
  separator: '-',
  required: ['utm_source', 'utm_medium', 'utm_campaign'],
  campaignFromRecords: true
}
