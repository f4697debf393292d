import { deskLabel } from '../listening/deskLabel'
import type { DeskClockStats, DeskStats } from '../listening/statsTypes'
import type { DeckContext } from './deckContext'
import type { DeckBlock, SlideDraft } from './deckModel'
import { format } from './format'

/**
 * The listening desk in the quarterly review (issue #16): response times against target, volume,
 * escalations and hand-offs, this quarter against the last. Built from the desk's numbers the backend
 * computed with statsOfDesk (DeckInput.desk); a workspace without a desk gets no desk slides.
 */
export function deskSlides(ctx: DeckContext): SlideDraft[] {
  const desk = ctx.input.desk
  if (desk === undefined || desk === null) return []
  const q = ctx.qr.key
  const p = ctx.prev.key
  return [responseSlide(desk.current, desk.previous, q, p, desk.targets), volumeSlide(desk.current, desk.previous, q, p), escalationSlide(desk.current, desk.previous, q, p)]
}

/** What the desk slides read: the quarter's and the previous quarter's numbers, and the response targets (normal priority) per type. */
export type DeckDesk = {
  current: DeskStats
  previous: DeskStats
  targets: { type: string; firstResponseHours: number; resolutionHours: number }[]
}

const hours = (h: number | null): string => (h === null ? '–' : `${format.num(h, 1)} h`)
const share = (c: DeskClockStats): string => (c.share === null ? '–' : `${format.pct(c.share)} (${format.num(c.withinTarget)} of ${format.num(c.withTarget)})`)
const empty = (s: DeskStats): boolean => s.total === 0

function responseSlide(cur: DeskStats, prev: DeskStats, q: string, p: string, targets: DeckDesk['targets']): SlideDraft {
  const title = 'Listening desk: response times against target'
  const notes = [
    `Conversations that came in during ${q}, compared with ${p}. First response: from when it came in to the first reply; resolution: to when it was resolved.`,
    'Times are medians in clock hours. The targets are business hours of the team\'s time zone, holidays excluded, so "within target" compares each reply with its own due time rather than with the median.'
  ].join('\n')
  if (empty(cur)) return { key: 'desk-response', title, blocks: [], speakerNotes: notes, emptyMessage: `No conversation came in during ${q}.` }
  const target = new Map(targets.map((t) => [t.type, t]))
  const types = cur.byType.map((t) => t.type)
  const pct = (c: DeskClockStats | undefined): number | null => (c?.share == null ? null : Math.round(c.share * 1000) / 10)
  return {
    key: 'desk-response',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: `${q}: share within target, by type`,
          categories: types.map(deskLabel),
          series: [
            { name: 'Answered in time', values: cur.byType.map((t) => pct(t.firstResponse)) },
            { name: 'Resolved in time', values: cur.byType.map((t) => pct(t.resolution)) }
          ],
          valueAxis: 'Within target (%)'
        }
      },
      {
        kind: 'table',
        title: 'Median times and targets met',
        columns: [
          { label: 'Measure', align: 'left', width: 3 },
          { label: q, align: 'right', width: 2.4 },
          { label: p, align: 'right', width: 2.4 }
        ],
        rows: [
          ['Median first response', hours(cur.firstResponse.medianHours), hours(prev.firstResponse.medianHours)],
          ['Answered within target', share(cur.firstResponse), share(prev.firstResponse)],
          ['Median resolution', hours(cur.resolution.medianHours), hours(prev.resolution.medianHours)],
          ['Resolved within target', share(cur.resolution), share(prev.resolution)]
        ],
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: 'Median first response by type (target)', bold: true },
          ...cur.byType.slice(0, 6).map((t) => {
            const tg = target.get(t.type)
            return { text: `${deskLabel(t.type)}: ${hours(t.firstResponse.medianHours)}${tg === undefined ? '' : ` (target ${format.num(tg.firstResponseHours, 1)} business h)`}`, level: 1 as const }
          })
        ]
      }
    ],
    speakerNotes: notes,
    emptyMessage: null
  }
}

function volumeSlide(cur: DeskStats, prev: DeskStats, q: string, p: string): SlideDraft {
  const title = 'Listening desk: volume'
  const notes = `Conversations by type per ${cur.bucket} of ${q} (the first day of each ${cur.bucket} is shown); ${p} had ${format.num(prev.total)} in all. Sentiment and topics are as the desk classified them.`
  if (empty(cur)) return { key: 'desk-volume', title, blocks: [], speakerNotes: notes, emptyMessage: `No conversation came in during ${q}.` }
  const sentiment = cur.sentiment.map((s) => ({ name: s.name, n: s.values.reduce((a, b) => a + b, 0) }))
  const topics = cur.topics.map((s) => ({ name: s.name, n: s.values.reduce((a, b) => a + b, 0) }))
  return {
    key: 'desk-volume',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'line',
          title: `Conversations per ${cur.bucket}, by type`,
          categories: cur.periods.map((d) => d.slice(5)),
          series: topSeries(cur.volumeByType, 4, 'Other types'),
          valueAxis: 'Conversations'
        }
      },
      {
        kind: 'table',
        title: 'Volume',
        columns: [
          { label: 'Measure', align: 'left', width: 3 },
          { label: q, align: 'right', width: 2 },
          { label: p, align: 'right', width: 2 }
        ],
        rows: [
          ['Conversations', format.num(cur.total), format.num(prev.total)],
          ...cur.byType.slice(0, 6).map((t) => [deskLabel(t.type), format.num(t.count), format.num(prev.byType.find((x) => x.type === t.type)?.count ?? 0)])
        ],
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: 'Sentiment', bold: true },
          { text: sentiment.map((s) => `${deskLabel(s.name)} ${format.pct(s.n / cur.total)}`).join(', '), level: 1 },
          { text: 'Most frequent topics', bold: true },
          ...topics.slice(0, 5).map((t) => ({ text: `${t.name}: ${format.num(t.n)}`, level: 1 as const }))
        ]
      }
    ],
    speakerNotes: notes,
    emptyMessage: null
  }
}

function escalationSlide(cur: DeskStats, prev: DeskStats, q: string, p: string): SlideDraft {
  const title = 'Listening desk: escalations and hand-offs'
  const notes = [
    'Escalations: every step up the escalation ladder, by itself after a breached clock or by a person, counted by the team of whom it went to.',
    'Hand-offs: leads passed to sales through the CRM export, by what they have become so far.'
  ].join('\n')
  if (cur.escalations === 0 && cur.handoffs === 0)
    return { key: 'desk-escalations', title, blocks: [], speakerNotes: notes, emptyMessage: `No escalation and no hand-off in ${q}.` }
  const prevTeam = new Map(prev.escalationsByTeam.map((t) => [t.team, t.count]))
  const prevOutcome = new Map(prev.handoffsByOutcome.map((o) => [o.outcome, o.count]))
  const outcomes = [...new Set([...cur.handoffsByOutcome.map((o) => o.outcome), ...prev.handoffsByOutcome.map((o) => o.outcome)])]
  const escalationBlock: DeckBlock =
    cur.escalations === 0
      ? { kind: 'text', lines: [{ text: `No escalation in ${q}`, bold: true }, { text: `${p}: ${format.num(prev.escalations)}.`, level: 1 }] }
      : {
          kind: 'chart',
          chart: {
            type: 'bar',
            title: 'Escalations by team',
            categories: cur.escalationsByTeam.map((t) => t.team),
            series: [
              { name: q, values: cur.escalationsByTeam.map((t) => t.count) },
              { name: p, values: cur.escalationsByTeam.map((t) => prevTeam.get(t.team) ?? 0) }
            ],
            valueAxis: 'Escalations',
            horizontal: true
          }
        }
  return {
    key: 'desk-escalations',
    title,
    blocks: [
      escalationBlock,
      {
        kind: 'table',
        title: 'Hand-offs to sales and what they became',
        columns: [
          { label: 'Outcome', align: 'left', width: 3 },
          { label: q, align: 'right', width: 2 },
          { label: p, align: 'right', width: 2 }
        ],
        rows: [
          ['All hand-offs', format.num(cur.handoffs), format.num(prev.handoffs)],
          ...outcomes.map((o) => [deskLabel(o), format.num(cur.handoffsByOutcome.find((x) => x.outcome === o)?.count ?? 0), format.num(prevOutcome.get(o) ?? 0)])
        ],
        footnote: `${format.num(cur.escalations)} escalations in ${q}, ${format.num(prev.escalations)} in ${p}.`
      }
    ],
    speakerNotes: notes,
    emptyMessage: null
  }
}

/** The `n` largest series by name, the rest summed as one: a slide's legend fits on one line. */
function topSeries(series: DeskStats['volumeByType'], n: number, rest: string): { name: string; values: number[] }[] {
  const top = series.slice(0, n).map((x) => ({ name: deskLabel(x.name), values: x.values }))
  if (series.length <= n) return top
  const other = series.slice(n).reduce<number[]>((acc, x) => acc.map((v, i) => v + (x.values[i] ?? 0)), new Array<number>(series[0]?.values.length ?? 0).fill(0))
  return [...top, { name: rest, values: other }]
}
