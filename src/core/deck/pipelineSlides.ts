import { enumLabels, enums } from '../domain/enums'
import { shortDate } from '../goals/quarter'
import { byId, type DeckContext } from './deckContext'
import type { DeckConversation, DeckInfluencer } from './deckInput'
import type { SlideDraft } from './deckModel'
import { format } from './format'

/** Influencer pipeline movement and inbound conversations. */
export function pipelineSlides(ctx: DeckContext): SlideDraft[] {
  return [influencerSlide(ctx), conversationSlide(ctx)]
}

type Stage = DeckInfluencer['stage']
const STAGES: readonly Stage[] = enums.stage.options

/** Stage on a day: the last recorded change on or before it; with no history, today's stage once created. */
export function stageOn(inf: DeckInfluencer, day: string): Stage | null {
  let stage: Stage | null = null
  if (inf.stageHistory.length === 0) return inf.createdAt.slice(0, 10) <= day ? inf.stage : null
  for (const h of sortedHistory(inf)) if (h.date <= day) stage = h.stage
  return stage
}

function sortedHistory(inf: DeckInfluencer): DeckInfluencer['stageHistory'] {
  // Stable sort by date keeps same-day changes in the order they were appended.
  return inf.stageHistory.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

export type StageMove = { name: string; from: Stage | null; to: Stage; date: string }

export function stageMoves(ctx: DeckContext): StageMove[] {
  const moves: StageMove[] = []
  for (const inf of ctx.input.influencers.toSorted(byId)) {
    let before: Stage | null = null
    for (const h of sortedHistory(inf)) {
      if (h.date >= ctx.qr.start && h.date <= ctx.asOf && h.stage !== before) moves.push({ name: inf.name, from: before, to: h.stage, date: h.date })
      before = h.stage
    }
  }
  return moves.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function influencerSlide(ctx: DeckContext): SlideDraft {
  const title = 'Influencer pipeline'
  const moves = stageMoves(ctx)
  const startDay = ctx.prev.end
  const atStart = new Map<Stage, number>()
  const atEnd = new Map<Stage, number>()
  for (const inf of ctx.input.influencers) {
    const s0 = stageOn(inf, startDay)
    const s1 = stageOn(inf, ctx.asOf)
    if (s0 !== null) atStart.set(s0, (atStart.get(s0) ?? 0) + 1)
    if (s1 !== null) atEnd.set(s1, (atEnd.get(s1) ?? 0) + 1)
  }
  const notes = [
    `Stage counts on ${startDay} (end of ${ctx.prev.key}) and on ${ctx.asOf}, read from each influencer's stage history.`,
    'A move is a recorded stage change dated in the quarter; "new" means the influencer entered the pipeline then.'
  ].join('\n')
  if (moves.length === 0) {
    return {
      key: 'influencers',
      title,
      blocks: [
        {
          kind: 'text',
          lines: [{ text: `Pipeline on ${ctx.asOf}: ${STAGES.map((s) => `${enumLabels[s] ?? s} ${atEnd.get(s) ?? 0}`).join(', ')}.` }]
        }
      ],
      speakerNotes: notes,
      emptyMessage: 'No influencer moved stage this quarter.'
    }
  }
  const entered = new Map<Stage, number>()
  for (const m of moves) entered.set(m.to, (entered.get(m.to) ?? 0) + 1)
  const label = (s: Stage | null): string => (s === null ? 'new' : (enumLabels[s] ?? s))
  const shown = moves.slice(-8)
  return {
    key: 'influencers',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: 'Influencers by stage',
          categories: STAGES.map((s) => label(s)),
          series: [
            { name: `Start of ${ctx.qr.key}`, values: STAGES.map((s) => atStart.get(s) ?? 0) },
            { name: ctx.asOf >= ctx.qr.end ? `End of ${ctx.qr.key}` : `On ${ctx.asOf}`, values: STAGES.map((s) => atEnd.get(s) ?? 0) }
          ],
          valueAxis: 'Influencers'
        }
      },
      {
        kind: 'table',
        title: `${moves.length} stage ${moves.length === 1 ? 'move' : 'moves'} this quarter`,
        columns: [
          { label: 'Stage', align: 'left', width: 3 },
          { label: 'Start', align: 'right', width: 1.5 },
          { label: 'Entered', align: 'right', width: 1.5 },
          { label: 'Now', align: 'right', width: 1.5 }
        ],
        rows: STAGES.map((s) => [label(s), format.num(atStart.get(s) ?? 0), format.num(entered.get(s) ?? 0), format.num(atEnd.get(s) ?? 0)]),
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: moves.length > shown.length ? `Latest ${shown.length} moves` : 'Moves', bold: true },
          ...shown.map((m) => ({ text: `${m.name}: ${label(m.from)} → ${label(m.to)} (${shortDate(m.date, false)})`, level: 1 as const }))
        ]
      }
    ],
    speakerNotes: notes,
    emptyMessage: null
  }
}

export type ConversationStats = {
  identified: number
  routed: number
  resolved: number
  /** Median hours from occurrence to routing over conversations with a routing time; null without any. */
  medianHoursToRoute: number | null
  byType: Map<DeckConversation['type'], number>
}

export function conversationStats(list: readonly DeckConversation[]): ConversationStats {
  const hours = list
    .filter((c) => c.assignedAt !== null)
    .map((c) => (Date.parse(c.assignedAt ?? '') - Date.parse(c.occurredAt)) / 3_600_000)
    .toSorted((a, b) => a - b)
  const m = Math.floor(hours.length / 2)
  const byType = new Map<DeckConversation['type'], number>()
  for (const c of list) byType.set(c.type, (byType.get(c.type) ?? 0) + 1)
  return {
    identified: list.length,
    routed: list.filter((c) => c.state !== 'new' && c.state !== 'triaged').length,
    resolved: list.filter((c) => c.state === 'resolved').length,
    medianHoursToRoute: hours.length === 0 ? null : hours.length % 2 === 1 ? (hours[m] ?? 0) : ((hours[m - 1] ?? 0) + (hours[m] ?? 0)) / 2,
    byType
  }
}

function conversationSlide(ctx: DeckContext): SlideDraft {
  const title = 'Conversations'
  const cur = conversationStats(ctx.conversations)
  const prev = conversationStats(ctx.prevConversations)
  const notes = [
    `Inbound conversations logged with a date in ${ctx.qr.key} up to ${ctx.asOf}, compared with ${ctx.prev.key}.`,
    'Routed counts conversations handed to an expert (assigned, waiting or resolved); resolved, those closed with a resolution.',
    'Time to route is the median of routing time minus occurrence time, in hours. Themes are the most frequent tags on product-feedback conversations.'
  ].join('\n')
  if (cur.identified === 0) {
    return {
      key: 'conversations',
      title,
      blocks: [{ kind: 'text', lines: [{ text: `${ctx.prev.key}: ${prev.identified} conversations identified.` }] }],
      speakerNotes: notes,
      emptyMessage: 'No conversations were logged this quarter.'
    }
  }
  const themes = new Map<string, number>()
  for (const c of ctx.conversations) {
    if (c.type !== 'product_feedback') continue
    for (const t of new Set(c.tags.map((x) => x.trim().toLowerCase()))) themes.set(t, (themes.get(t) ?? 0) + 1)
  }
  const topThemes = [...themes.entries()].toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5)
  const feedback = cur.byType.get('product_feedback') ?? 0
  const types = enums.conversationType.options
  const hoursText = (h: number | null): string => (h === null ? '–' : `${format.num(h, 1)} h`)
  return {
    key: 'conversations',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: 'Conversations by type',
          categories: types.map((t) => enumLabels[t] ?? t),
          series: [
            { name: ctx.qr.key, values: types.map((t) => cur.byType.get(t) ?? 0) },
            { name: ctx.prev.key, values: types.map((t) => prev.byType.get(t) ?? 0) }
          ],
          valueAxis: 'Conversations'
        }
      },
      {
        kind: 'table',
        title: 'Identified, routed, resolved',
        columns: [
          { label: 'Measure', align: 'left', width: 3 },
          { label: ctx.qr.key, align: 'right', width: 2 },
          { label: ctx.prev.key, align: 'right', width: 2 }
        ],
        rows: [
          ['Identified', format.num(cur.identified), format.num(prev.identified)],
          ['Routed', format.num(cur.routed), format.num(prev.routed)],
          ['Resolved', format.num(cur.resolved), format.num(prev.resolved)],
          ['Median time to route', hoursText(cur.medianHoursToRoute), hoursText(prev.medianHoursToRoute)]
        ],
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: `Product feedback themes (${feedback} conversations)`, bold: true },
          ...(topThemes.length === 0
            ? [{ text: feedback === 0 ? 'No product feedback this quarter.' : 'No tags on product feedback yet.', level: 1 as const }]
            : topThemes.map(([t, n]) => ({ text: `${t}: ${n}`, level: 1 as const })))
        ]
      }
    ],
    speakerNotes: notes,
    emptyMessage: null
  }
}
