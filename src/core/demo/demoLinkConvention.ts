import { defaultConvention } from '../domain/linkConvention'
import { demoCalendar as cal } from './demoCalendar'
import type { DemoContext } from './demoContext'
import type { DemoRecord } from './demoData'
import { seededUlid } from './seededUlid'

/**
 * The demo team's own tracking convention, as a real team writes one down: its blog is tagged as an
 * owned medium, its Discourse forum as community, and always-on work carries the content pillar as
 * utm_campaign (data-quality, observability-101…) rather than a campaign record — so the convention
 * does not ask for campaign records. What is left flagged in the registry is what a real team has:
 * a partner's own source name, `events` for `event`, `case_study` with the wrong separator, and links
 * reused across items.
 */
export function demoLinkConvention(ctx: DemoContext): DemoRecord<'linkConvention'>[] {
  const rng = ctx.rng('links')
  const d = defaultConvention
  return [{
    id: seededUlid(rng, (ctx.spanStart - 2) * cal.DAY_MS),
    ...d,
    name: 'Northwind link convention',
    sources: [...d.sources, 'community'],
    mediums: [...d.mediums, 'owned', 'community'],
    channelDefaults: d.channelDefaults.map((c) =>
      c.platform === 'blog' ? { ...c, medium: 'owned' } : c.platform === 'forum' ? { ...c, source: 'community', medium: 'community' } : c),
    campaignFromRecords: false
  }]
}
