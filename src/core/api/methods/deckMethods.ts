import { z } from 'zod'
import { crudMethods } from '../crudMethods'
import { deckNote } from '../../domain/deckNote'
import { systemFields } from '../../domain/recordKind'
import { primitives as p } from '../../domain/primitives'

// Output schemas mirror src/core/deck/deckModel.ts and src/core/goals/goalProgress.ts; the contract
// test parses real outputs against them, so a drift shows up there.
const textLine = z.object({ text: z.string(), level: z.union([z.literal(0), z.literal(1)]).optional(), bold: z.boolean().optional() })
const column = z.object({ label: z.string(), align: z.enum(['left', 'right']), width: z.number() })
const chart = z.union([
  z.object({
    type: z.enum(['bar', 'line']),
    title: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
    valueAxis: z.string(),
    horizontal: z.boolean().optional()
  }),
  z.object({ type: z.literal('scatter'), title: z.string(), xAxis: z.string(), yAxis: z.string(), points: z.array(z.object({ label: z.string(), x: z.number(), y: z.number() })) })
])
const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), lines: z.array(textLine) }),
  z.object({ kind: z.literal('table'), title: z.string(), columns: z.array(column), rows: z.array(z.array(z.string())), footnote: z.string().nullable() }),
  z.object({ kind: z.literal('chart'), chart }),
  z.object({ kind: z.literal('note'), title: z.string(), lines: z.array(z.string()) })
])
const slide = z.object({
  key: z.string(),
  number: z.number(),
  title: z.string(),
  subtitle: z.string(),
  date: z.string(),
  blocks: z.array(block),
  speakerNotes: z.string(),
  emptyMessage: z.string().nullable()
})
export const deckModelSchema = z.object({
  workspaceName: z.string(),
  quarter: z.string(),
  previousQuarter: z.string(),
  quarterLabel: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  inputHash: z.string(),
  slides: z.array(slide)
})

const noteRecord = deckNote.fields.extend(systemFields)

const goalStatus = z.enum(['not_started', 'no_target', 'no_data', 'achieved', 'on_track', 'at_risk', 'off_track', 'missed'])
const progress = z.object({
  goalId: z.string(),
  quarter: z.string(),
  direction: z.enum(['up', 'down']),
  baseline: z.number(),
  target: z.number().nullable(),
  unit: z.string(),
  series: z.array(z.object({ date: z.string(), value: z.number() })),
  weekly: z.array(z.number().nullable()),
  current: z.number().nullable(),
  currentDate: z.string().nullable(),
  progress: z.number().nullable(),
  elapsedDays: z.number(),
  elapsedFraction: z.number(),
  planNow: z.number(),
  paceNeededPerWeek: z.number().nullable(),
  trendPerWeek: z.number().nullable(),
  projected: z.number().nullable(),
  projectedProgress: z.number().nullable(),
  status: goalStatus,
  statusLabel: z.string(),
  reason: z.string()
})
const goalCard = z.object({
  id: z.string(),
  objective: z.string(),
  driver: z.string(),
  kpiName: z.string(),
  kpiUnit: z.string(),
  ownerName: z.string().nullable(),
  priority: z.number(),
  progress,
  /** Status rule in words, for the card's legend. */
  rule: z.string(),
  /** Weekly chart: the reporting weeks, the actual level known at each week's end, the straight plan and the trend. */
  weeks: z.array(z.object({ label: z.string(), end: z.string(), actual: z.number().nullable(), plan: z.number().nullable(), trend: z.number().nullable() })),
  channels: z.array(z.object({ channelId: z.string().nullable(), name: z.string(), items: z.number(), units: z.number(), share: z.number().nullable(), expectedRate: z.number().nullable() })),
  content: z.array(z.object({ id: z.string(), title: z.string(), channelName: z.string(), day: z.string(), units: z.number(), reach: z.number().nullable() }))
})

const quarterKey = z.string().trim().min(1, 'Required').max(20, 'Use a quarter like 2026-Q4')
const exportFormat = z.enum(['pptx', 'pdf'])

/** The review deck, goal progress for the Goals screen, and the team's notes on slides. */
export const deckMethods = {
  ...crudMethods(deckNote),
  'deck-quarters': {
    input: z.object({}),
    output: z.object({
      /** The quarter today falls in. */
      current: z.string(),
      items: z.array(z.object({ quarter: z.string(), label: z.string(), goals: z.number(), contentItems: z.number(), measurements: z.number(), conversations: z.number() }))
    }),
    summary: 'Quarters that have goals, content, measurements or conversations, newest first'
  },
  'deck-preview': {
    input: z.object({ quarter: quarterKey, asOf: p.date.optional() }),
    output: deckModelSchema,
    summary: 'The quarterly review deck for a quarter as data (slides, numbers, speaker notes)'
  },
  'deck-export': {
    input: z.object({
      quarter: quarterKey,
      formats: z.array(exportFormat).min(1, 'Choose PPTX, PDF or both').max(2),
      /** Folder to write into (absolute); default: the workspace's exports folder. */
      dir: z.string().min(1).max(1000).optional(),
      /** Echoed in deck-progress events so a window can follow its own export. */
      exportId: z.string().min(1).max(80).optional(),
      asOf: p.date.optional()
    }),
    output: z.object({
      quarter: z.string(),
      slides: z.number(),
      inputHash: z.string(),
      ms: z.number(),
      files: z.array(z.object({ format: exportFormat, path: z.string(), name: z.string(), bytes: z.number(), inExports: z.boolean() }))
    }),
    summary: 'Write the deck as an editable PPTX and/or a PDF (temp file, then rename); progress arrives as deck-progress events'
  },
  'deck-file': {
    input: z.object({ name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.(pptx|pdf)$/, 'Not an exported deck file name') }),
    output: z.object({ name: z.string(), mime: z.string(), base64: z.string() }),
    summary: 'The bytes of a deck written to the workspace exports folder (for a download link in the browser)'
  },
  'deck-note-save': {
    input: z.object({
      id: z.string().min(1).optional(),
      quarter: quarterKey,
      slideKey: deckNote.fields.shape.slideKey,
      text: z.string().max(2000, 'At most 2,000 characters'),
      author: deckNote.fields.shape.author.optional()
    }),
    output: z.object({ note: noteRecord.nullable() }),
    summary: 'Add a note to a slide, change one (id), or delete it by saving empty text'
  },
  'goal-progress': {
    input: z.object({ quarter: quarterKey.optional(), asOf: p.date.optional() }),
    output: z.object({
      quarter: z.string(),
      asOf: z.string(),
      quarters: z.array(z.string()),
      rules: z.record(goalStatus, z.string()),
      projection: z.string(),
      goals: z.array(goalCard)
    }),
    summary: 'Per goal of a quarter: progress, pace, projection, status with its rule, and contributing channels and content'
  }
}

/** Progress of a running export, pushed to every window. */
export const deckProgressEvent = z.object({
  exportId: z.string().nullable(),
  quarter: z.string(),
  format: exportFormat,
  /** 0–1 over the whole export (all formats). */
  fraction: z.number(),
  step: z.string()
})
