import { channelSlides } from './channelSlides'
import { deckContext, type DeckContext } from './deckContext'
import type { DeckInput } from './deckInput'
import type { DeckBlock, DeckModel, DeckSlide, SlideDraft } from './deckModel'
import { format } from './format'
import { goalSlides } from './goalSlides'
import { deckInputFields, inputHash, type DeckCollection } from './inputHash'
import { pipelineSlides } from './pipelineSlides'
import { deskSlides } from './deskSlides'
import { ledgerSlides } from './ledgerSlide'
import { appendixSlides, decisionsSlide, planSlides } from './planSlides'
import { quarter, shortDate } from '../goals/quarter'
import { paginateSlides } from './paginateSlides'
import { resultsSlide } from './resultsSlides'
import type { DeckHasher } from './inputHash'

export type BuildDeckOptions = {
  /** A faster hash with the same SHA-256 digest (node:crypto in the backend); default: the pure one. */
  hasher?: () => DeckHasher
}

/**
 * The quarterly review deck as data, slides in the order of the product brief: title, executive
 * summary, one per goal, channel scorecard, priority matrix, output vs plan, top content, influencer
 * pipeline, conversations, the listening desk (when it has data), recommended hours, decisions and notes, appendix, data provenance.
 * Pure and deterministic: the same input gives the same model, apart from generatedAt and the dates
 * printed from it. Throws a RangeError with a readable message for a malformed quarter.
 */
export function buildDeckModel(input: DeckInput, options: BuildDeckOptions = {}): DeckModel {
  const ctx = deckContext(input)
  const hash = inputHash(input, ctx.asOf, options.hasher)
  const drafts: SlideDraft[] = [titleSlide(ctx), ...goalSlides(ctx), resultsSlide(ctx), ...ledgerSlides(ctx), ...channelSlides(ctx), ...pipelineSlides(ctx), ...deskSlides(ctx), ...planSlides(ctx)]
  const titles = new Map(drafts.map((d) => [d.key, d.title]))
  drafts.push(decisionsSlide(ctx, titles), ...appendixSlides(ctx), provenanceSlide(ctx, hash))

  // Notes go on before pagination so they stay on the slide they were typed on, not its continuation.
  const noted = drafts.map((d) => ({ ...d, blocks: withNotes(ctx, d).map(withoutEmptySeries) }))
  const slides: DeckSlide[] = paginateSlides(noted).map((d, i) => ({
    ...d,
    number: i + 1,
    subtitle: ctx.subtitle,
    date: ctx.day
  }))
  return {
    workspaceName: input.workspaceName,
    quarter: ctx.qr.key,
    previousQuarter: ctx.prev.key,
    quarterLabel: quarter.label(ctx.qr),
    asOf: ctx.asOf,
    generatedAt: input.generatedAt,
    inputHash: hash,
    slides
  }
}

/**
 * A series with nothing to draw (every value missing, or every bar 0, e.g. last quarter when the
 * workspace has no data for it) would only add a legend entry pointing at nothing; it is left out.
 */
function withoutEmptySeries(b: DeckBlock): DeckBlock {
  if (b.kind !== 'chart' || b.chart.type === 'scatter') return b
  const c = b.chart
  const kept = c.series.filter((x) => x.values.some((v) => v !== null && (c.type === 'line' || v !== 0)))
  return kept.length === c.series.length || kept.length === 0 ? b : { ...b, chart: { ...c, series: kept } }
}

/** The team's notes on a slide are printed on that slide too, so a decision sits next to its numbers. */
function withNotes(ctx: DeckContext, d: SlideDraft): DeckBlock[] {
  const notes = d.key === 'decisions' ? undefined : ctx.notesBySlide.get(d.key)
  if (notes === undefined || notes.length === 0) return d.blocks
  return [...d.blocks, { kind: 'note', title: 'Team notes', lines: notes.map((n) => `${n.text.trim()} (${n.author || 'unsigned'})`) }]
}

function titleSlide(ctx: DeckContext): SlideDraft {
  return {
    key: 'title',
    title: `${ctx.input.workspaceName}: quarterly review ${ctx.qr.key}${ctx.interim ? ' (interim)' : ''}`,
    blocks: [
      {
        kind: 'text',
        lines: [
          { text: quarter.label(ctx.qr), bold: true },
          { text: ctx.interim ? `Interim, as of ${shortDate(ctx.asOf)}: the quarter is not over, so every figure is as of that day.` : 'Quarter complete.' },
          ...(ctx.input.planAsOf === null ? [] : [{ text: `Estimates, minimum hours, goals, rate and budgets as they stood on ${shortDate(ctx.input.planAsOf)}.` }]),
          { text: `Generated ${ctx.input.generatedAt.slice(0, 16).replace('T', ' ')} UTC by SMO Desk.` }
        ]
      }
    ],
    speakerNotes: `Quarterly review of ${ctx.qr.key} (${quarter.label(ctx.qr)}) for ${ctx.input.workspaceName}, compared with ${ctx.prev.key}. Every figure comes from the workspace; the last slide records the data used and its hash so the deck can be rebuilt and audited.`,
    emptyMessage: null
  }
}

const COLLECTION_LABELS: Record<DeckCollection, string> = {
  members: 'Team members',
  goals: 'Goals',
  measurements: 'Goal measurements',
  channels: 'Channels',
  contentItems: 'Content items',
  influencers: 'Influencers',
  conversations: 'Conversations',
  notes: 'Notes and decisions',
  hours: 'Channels in the hours plan',
  predicted: 'Predictions (channel × goal)'
}

function provenanceSlide(ctx: DeckContext, hash: string): SlideDraft {
  const inQuarter: Partial<Record<DeckCollection, [number, number]>> = {
    goals: [ctx.goals.length, ctx.prevGoals.length],
    measurements: [
      ctx.input.measurements.filter((m) => m.goalId !== null && m.date >= ctx.qr.start && m.date <= ctx.asOf).length,
      ctx.input.measurements.filter((m) => m.goalId !== null && quarter.contains(ctx.prev, m.date)).length
    ],
    contentItems: [ctx.items.length, ctx.prevItems.length],
    conversations: [ctx.conversations.length, ctx.prevConversations.length]
  }
  const names = Object.keys(deckInputFields) as DeckCollection[]
  return {
    key: 'provenance',
    title: 'Data provenance',
    blocks: [
      {
        kind: 'table',
        title: 'Records this deck was built from',
        columns: [
          { label: 'Records', align: 'left', width: 3 },
          { label: 'Read', align: 'right', width: 1.5 },
          { label: ctx.qr.key, align: 'right', width: 1.5 },
          { label: ctx.prev.key, align: 'right', width: 1.5 }
        ],
        rows: names.map((n) => {
          const q = inQuarter[n]
          return [COLLECTION_LABELS[n], format.num(ctx.input[n].length), q === undefined ? '–' : format.num(q[0]), q === undefined ? '–' : format.num(q[1])]
        }),
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: 'Input hash (SHA-256)', bold: true },
          { text: hash.slice(0, 32), level: 1 },
          { text: hash.slice(32), level: 1 },
          { text: `Workspace ${ctx.input.workspaceName}, quarter ${ctx.qr.key}, figures as of ${ctx.asOf}.` },
          { text: `Rebuild: smo deck --quarter ${ctx.qr.key}; the same data gives the same hash.` }
        ]
      }
    ],
    speakerNotes: [
      'The records read to build this deck, and how many fall in each quarter.',
      'The hash is SHA-256 over a canonical form of exactly the fields the deck uses (rows sorted by id, keys sorted), without the generation time.',
      'If the workspace data is unchanged, rebuilding the deck gives the same hash and the same numbers; a different hash means the data changed.'
    ].join('\n'),
    emptyMessage: null
  }
}
