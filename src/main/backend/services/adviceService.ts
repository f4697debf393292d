import type { ApiOutput } from '../../../core/api/contract'
import { ApiError } from '../../../core/api/apiError'
import { copyBrief, republishAdvice, type RepublishItem } from '../../../core/scoring/republish'
import { TIMING_DEFAULTS, timingAdvice } from '../../../core/scoring/timingAdvice'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordService } from './recordService'
import { localDay } from '../localDay'

/** How far back results count, for timing and for what to publish again (the core's evidence window). */
const EVIDENCE_DAYS = TIMING_DEFAULTS.evidenceDays
/** Fixed seed: the same data always gives the same advice, on every computer of the team. */
const BOOTSTRAP_SEED = 12
/** How a copy's brief starts (core/scoring/republish.ts `copyBrief`); LIKE finds existing copies. */
const COPY_PREFIX = 'Publish again: a copy of item '

type Row = {
  id: string
  title: string
  brief: string
  channel_id: string | null
  campaign_id: string | null
  pillar: string
  format: string
  status: string
  day: string | null
  publish_at: string | null
  publish_zone: string | null
  result_reach: number | null
  result_engagements: number | null
  result_clicks: number | null
}

type ChannelRow = { id: string; name: string; status: string }

function today(b: Backend): string {
  return localDay(b.now())
}

/** Published items of the evidence window, plus every copy made by "Publish again" (they carry the cool-down). */
function readItems(b: Backend, asOf: string): Row[] {
  const cutoff = new Date(Date.parse(`${asOf}T00:00:00Z`) - EVIDENCE_DAYS * 86_400_000).toISOString().slice(0, 10)
  return b.db.all<Row>(sql`
    SELECT id, title, brief, channel_id, campaign_id, pillar, format, status,
      coalesce(planned_date, substr(publish_at, 1, 10)) AS day, publish_at, publish_zone,
      result_reach, result_engagements, result_clicks
    FROM content_item
    WHERE deleted_at IS NULL AND (
      (status = 'published' AND coalesce(planned_date, substr(publish_at, 1, 10), '') BETWEEN ${cutoff} AND ${asOf})
      OR brief LIKE ${`${COPY_PREFIX}%`})`)
}

export const adviceService = {
  get(b: Backend, input: { coolDownDays?: number }): ApiOutput<'advice-get'> {
    const asOf = today(b)
    const channels = b.db.all<ChannelRow>(sql`SELECT id, name, status FROM channel WHERE deleted_at IS NULL`)
    const byId = new Map(channels.map((c) => [c.id, c]))
    const name = (id: string): string => byId.get(id)?.name ?? id
    const rows = readItems(b, asOf)
    const posts = rows.flatMap((r) =>
      r.status === 'published' && r.channel_id !== null && r.publish_at !== null && r.publish_zone !== null && byId.has(r.channel_id)
        ? [{ channelId: r.channel_id, publishAt: r.publish_at, zone: r.publish_zone, reach: r.result_reach ?? 0 }]
        : []
    )
    const timing = timingAdvice(posts, { today: asOf, seed: BOOTSTRAP_SEED }).map((t) => ({ ...t, channelName: name(t.channelId) }))
    const items: RepublishItem[] = rows.map((r) => ({
      id: r.id, title: r.title, brief: r.brief, channelId: r.channel_id, campaignId: r.campaign_id, pillar: r.pillar, format: r.format,
      status: r.status, day: r.day, engagements: r.result_engagements, clicks: r.result_clicks, reach: r.result_reach
    }))
    const advice = republishAdvice(items, { today: asOf, coolDownDays: input.coolDownDays })
    // Only channels the team still posts to get offers; paused and retired ones would only fill the backlog.
    const live = (id: string): boolean => byId.get(id)?.status === 'active'
    return {
      asOf,
      timing: timing.filter((t) => live(t.channelId)),
      republish: {
        coolDownDays: advice.coolDownDays,
        candidates: advice.candidates.filter((c) => live(c.channelId)).map((c) => ({ ...c, channelName: name(c.channelId) })),
        tooFewPosts: advice.tooFewPosts.filter((t) => live(t.channelId)).map((t) => ({ ...t, channelName: name(t.channelId) }))
      }
    }
  },

  /**
   * A backlog copy of a published item: same channel, title, pillar, format, owner and effort; status
   * idea, no date, no goal (next time it serves this quarter's goals); the brief links it to the
   * original. If a live copy exists already, that one is returned and nothing is written.
   */
  addToBacklog(b: Backend, input: { itemId: string }): ApiOutput<'advice-republish-add'> {
    const original = recordService.get(b, 'content', input.itemId)
    if (original.status !== 'published')
      throw new ApiError('rule_violation', `“${String(original.title)}” is not published yet, so there is nothing to publish again`, [{ path: ['itemId'], message: 'Not published' }])
    const existing = b.db.get<{ id: string }>(sql`
      SELECT id FROM content_item
      WHERE deleted_at IS NULL AND status <> 'cancelled' AND brief LIKE ${`${COPY_PREFIX}${input.itemId}%`}
      ORDER BY id LIMIT 1`)
    if (existing !== undefined) return { itemId: input.itemId, copyId: existing.id, created: false }
    const day = typeof original.plannedDate === 'string' ? original.plannedDate : typeof original.publishAt === 'string' ? original.publishAt.slice(0, 10) : null
    const copy = recordService.create(b, 'content', {
      title: original.title,
      brief: copyBrief({ id: input.itemId, title: String(original.title), brief: String(original.brief ?? ''), day }),
      channelId: original.channelId,
      pillar: original.pillar,
      format: original.format,
      ownerId: original.ownerId,
      status: 'idea',
      effortHours: original.effortHours
    })
    return { itemId: input.itemId, copyId: String(copy.id), created: true }
  }
}
