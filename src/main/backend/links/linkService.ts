import { ApiError } from '../../../core/api/apiError'
import type { RegistryRowView } from '../../../core/api/methods/linkMethods'
import { defaultConvention, type LinkConvention } from '../../../core/domain/linkConvention'
import { checkLink, type LinkIssue } from '../../../core/links/checkLink'
import { linkRegistry, type RegistryInput } from '../../../core/links/linkRegistry'
import { slugValue } from '../../../core/links/linkValues'
import { parseTrackedUrl } from '../../../core/links/trackedUrl'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import type { Change } from '../mutate'
import { recordCodec } from '../repo/recordCodec'
import { historyService } from '../services/historyService'
import { fieldsOf, recordService, validateRecord } from '../services/recordService'

export type StoredConvention = LinkConvention & { id: string | null }
type Rec = Record<string, unknown>

/** The newest live convention record, or the default until someone saves one (like the publishing policy). */
export function linkConventionOf(b: Backend): StoredConvention {
  const row = b.db.get<Row>(sql`SELECT * FROM link_convention WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
  if (!row) return { ...defaultConvention, id: null }
  const rec = recordCodec('linkConvention').fromRow(row)
  return { ...(fieldsOf('linkConvention', rec) as LinkConvention), id: String(rec.id) }
}

/** Our live campaigns with the tracking name the convention gives each. */
export function campaignSlugs(b: Backend, conv: LinkConvention): { id: string; name: string; slug: string }[] {
  return b.db
    .all<{ id: string; name: string }>(sql`SELECT id, name FROM campaign WHERE deleted_at IS NULL ORDER BY name`)
    .map((c) => ({ id: c.id, name: c.name, slug: slugValue(c.name, conv) }))
}

function invalid(message: string, issues: { path: (string | number)[]; message: string }[]): ApiError {
  return new ApiError('invalid_input', message, issues)
}

/** Save the convention: update the live one, or create the first. */
export function saveLinkConvention(b: Backend, input: LinkConvention): StoredConvention {
  const current = linkConventionOf(b)
  if (current.id === null) recordService.create(b, 'linkConvention', input)
  else recordService.update(b, 'linkConvention', { ...input, id: current.id })
  return linkConventionOf(b)
}

export function checkLinkNow(b: Backend, url: string): { issues: LinkIssue[] } {
  const conv = linkConventionOf(b)
  return { issues: checkLink(url, conv, campaignSlugs(b, conv).map((c) => c.slug)) }
}

/**
 * Save a built link where it is used, in one step (one undo): the item's tracking link and a registry
 * record (the item's own record updated, not a second one added). A link that breaks the convention
 * is saved all the same — the builder showed why — and the issues come back for the form.
 */
export function saveLink(b: Backend, input: { url: string; contentId?: string | null; campaignId?: string | null; channelId?: string | null }): { link: Rec; issues: LinkIssue[] } {
  const parsed = parseTrackedUrl(input.url)
  if (!parsed.ok) throw invalid(`The link was not saved: ${parsed.message}`, [{ path: ['url'], message: parsed.message }])
  let contentId = input.contentId ?? null
  let campaignId = input.campaignId ?? null
  let channelId = input.channelId ?? null
  if (contentId === null && campaignId === null && channelId === null)
    throw invalid('The link was not saved: say where it is used (an item, a campaign or a channel)', [{ path: ['contentId'], message: 'Where is this link used?' }])
  const changes: Change[] = []
  if (contentId !== null) {
    const item = recordService.get(b, 'content', contentId)
    campaignId = campaignId ?? (item.campaignId as string | null)
    channelId = channelId ?? (item.channelId as string | null)
    if (item.trackingUrl !== input.url.trim()) {
      const { value, issues } = validateRecord(b, 'content', item, { ...fieldsOf('content', item), trackingUrl: input.url.trim() })
      if (issues.length > 0) throw invalid(`The item's tracking link was not saved: ${issues[0]!.message}`, issues)
      changes.push({ op: 'update', kind: 'content', id: contentId, set: { trackingUrl: value.trackingUrl } })
    }
  }
  const values: Rec = {
    url: input.url.trim(), baseUrl: parsed.link.base, ...parsed.link.utm, contentId, campaignId, channelId, note: ''
  }
  const existing = contentId !== null ? b.db.get<{ id: string }>(sql`SELECT id FROM tracked_link WHERE content_id = ${contentId} AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`) : undefined
  const before = existing ? recordService.get(b, 'trackedLink', existing.id) : null
  const { value, issues } = validateRecord(b, 'trackedLink', before, before ? { ...fieldsOf('trackedLink', before), ...values } : values)
  if (issues.length > 0) throw invalid(`The link was not saved: ${issues[0]!.message}`, issues)
  const id = existing?.id ?? b.newId()
  changes.push(before ? { op: 'update', kind: 'trackedLink', id, set: fieldsOf('trackedLink', value) } : { op: 'create', kind: 'trackedLink', id, values: fieldsOf('trackedLink', value) })
  const r = b.mutate('link-save', changes)
  historyService.record(b, r.tx, 'save a tracked link')
  return { link: recordService.get(b, 'trackedLink', id), issues: checkLinkNow(b, input.url).issues }
}

type LinkRow = { id: string; url: string; content_id: string | null; campaign_id: string | null; channel_id: string | null }

/** Every link in use: the registry's records, plus items whose tracking link has no record (typed or imported). */
export function linksInUse(b: Backend): RegistryInput[] {
  const links = b.db.all<LinkRow>(sql`SELECT id, url, content_id, campaign_id, channel_id FROM tracked_link WHERE deleted_at IS NULL`)
  const saved = new Set(links.map((l) => `${l.content_id}\u0000${l.url}`))
  const items = b.db.all<LinkRow>(
    sql`SELECT id, tracking_url AS url, id AS content_id, campaign_id, channel_id FROM content_item WHERE deleted_at IS NULL AND tracking_url <> ''`
  )
  return [
    ...links.map((l) => ({ id: l.id, url: l.url, contentId: l.content_id, campaignId: l.campaign_id, channelId: l.channel_id, origin: 'link' as const })),
    ...items
      .filter((i) => !saved.has(`${i.content_id}\u0000${i.url}`))
      .map((i) => ({ id: i.id, url: i.url, contentId: i.content_id, campaignId: i.campaign_id, channelId: i.channel_id, origin: 'item' as const }))
  ]
}

export function registryOf(b: Backend): { items: RegistryRowView[]; duplicates: number; conflicts: number; offConvention: number } {
  const conv = linkConventionOf(b)
  const camps = campaignSlugs(b, conv)
  const rows = linkRegistry(linksInUse(b), conv, camps.map((c) => c.slug))
  const names = (table: 'content_item' | 'campaign' | 'channel', col: 'title' | 'name') =>
    new Map(b.db.all<{ id: string; n: string }>(sql`SELECT id, ${sql.id(col)} AS n FROM ${sql.id(table)}`).map((r) => [r.id, r.n]))
  const titles = names('content_item', 'title')
  const campaigns = names('campaign', 'name')
  const channels = names('channel', 'name')
  const items = rows.map((r) => ({
    id: r.id, url: r.url, base: r.base, utm: r.utm, origin: r.origin, contentId: r.contentId, campaignId: r.campaignId, channelId: r.channelId,
    usedIn: [r.channelId && channels.get(r.channelId), r.campaignId && campaigns.get(r.campaignId), r.contentId && titles.get(r.contentId)].filter(Boolean).join(' · '),
    flags: r.flags.map((f) => ({ kind: f.kind, message: f.message, ...('others' in f ? { others: f.others } : {}) }))
  }))
  const count = (k: string) => items.filter((i) => i.flags.some((f) => f.kind === k)).length
  return { items, duplicates: count('duplicate'), conflicts: count('conflict'), offConvention: count('convention') + count('unreadable') }
}
