import type { LinkConvention } from '../domain/linkConvention'
import type { Platform } from './platform'
import { normaliseValue, slugValue } from './linkValues'
import { composeTrackedUrl, parseTrackedUrl, type UtmValues } from './trackedUrl'

/** What the builder knows about an item: its page, title, channel's type and name, campaign's name. */
export type LinkContext = {
  baseUrl: string
  title: string
  platform: Platform | null
  channelName: string | null
  campaignName: string | null
}

/**
 * The parameters the builder proposes for an item: source and medium from the convention's default for
 * its channel type (else the channel's name), campaign from its campaign record, content from its title.
 * A person may change any of them; `checkUtm` then says what breaks the convention.
 */
export function proposeUtm(ctx: LinkContext, conv: LinkConvention): UtmValues {
  const d = ctx.platform === null ? undefined : conv.channelDefaults.find((x) => x.platform === ctx.platform)
  return {
    source: d ? normaliseValue(d.source, conv) : ctx.channelName ? slugValue(ctx.channelName, conv) : '',
    medium: d ? normaliseValue(d.medium, conv) : '',
    campaign: ctx.campaignName ? slugValue(ctx.campaignName, conv) : '',
    content: ctx.title.trim() === '' ? '' : slugValue(ctx.title, conv).slice(0, 60).replace(/[-_]+$/, ''),
    term: ''
  }
}

export type BuiltLink = { ok: true; url: string; base: string } | { ok: false; message: string }

/** Base link (its own utm_* replaced, other parameters kept) + values → the final link. */
export function buildLink(baseUrl: string, utm: UtmValues): BuiltLink {
  const r = parseTrackedUrl(baseUrl)
  if (!r.ok) return { ok: false, message: `Base link: ${r.message}` }
  const clean: UtmValues = { source: utm.source.trim(), medium: utm.medium.trim(), campaign: utm.campaign.trim(), content: utm.content.trim(), term: utm.term.trim() }
  return { ok: true, url: composeTrackedUrl(r.link.base, clean, r.link.other, r.link.hash), base: r.link.base }
}
