import { buildMatchIndex, type MatchIndex } from '../../../core/links/matchResults'
import type { Platform } from '../../../core/links/platform'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { campaignSlugs, linkConventionOf, linksInUse } from './linkService'

/** The results matcher's index over this workspace: its links in use, campaigns' tracking names, channels and the convention's defaults. */
export function workspaceMatchIndex(b: Backend): MatchIndex {
  const conv = linkConventionOf(b)
  return buildMatchIndex({
    links: linksInUse(b),
    campaigns: campaignSlugs(b, conv),
    channels: b.db.all<{ id: string; platform: string }>(sql`SELECT id, platform FROM channel WHERE deleted_at IS NULL`).map((c) => ({ id: c.id, platform: c.platform as Platform })),
    channelDefaults: conv.channelDefaults
  })
}
