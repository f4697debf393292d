import { enumLabels } from '../domain/enums'
import { quarter } from '../goals/quarter'
import type { DeckContext } from './deckContext'
import type { DeckDecision } from './deckInput'
import type { SlideDraft } from './deckModel'
import { format } from './format'

/** Recommended hours for next quarter (with decisions), then the appendix tables. */
export function planSlides(ctx: DeckContext): SlideDraft[] {
  return [hoursSlide(ctx)]
}

export function decisionText(d: DeckDecision): string {
  const what =
    d.kind === 'exclude'
      ? 'excluded'
      : d.kind === 'pin'
        ? `pinned at ${format.num(d.hoursPerWeek, 1)} h/week or more`
        : `set to ${format.num(d.hoursPerWeek, 1)} h/week`
  return `${what}: ${d.reason} (${d.decidedBy}, ${d.date})`
}

/** How a decision reads in the table; the stored kinds are code words. */
const DECISION_LABEL: Record<DeckDecision['kind'], string> = { pin: 'Pin', exclude: 'Excluded', override: 'Override' }

function hoursSlide(ctx: DeckContext): SlideDraft {
  const next = quarter.next(ctx.qr)
  const title = `Recommended hours for ${next.key}`
  const rows = ctx.input.hours
    .map((h) => ({ ...h, name: ctx.channelName(h.channelId) }))
    .toSorted((a, b) => b.recommendedHoursPerWeek - a.recommendedHoursPerWeek || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.channelId < b.channelId ? -1 : 1))
  if (rows.length === 0) {
    return {
      key: 'hours',
      title,
      blocks: [],
      speakerNotes: 'The Priorities recommendation is added when the deck is built; none was available for this workspace.',
      emptyMessage: `No hours recommendation was computed for ${next.key}.`
    }
  }
  const curTotal = rows.reduce((s, r) => s + r.currentHoursPerWeek, 0)
  const recTotal = rows.reduce((s, r) => s + r.recommendedHoursPerWeek, 0)
  const decided = rows.filter((r) => r.decision !== null)
  return {
    key: 'hours',
    title,
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          horizontal: true,
          title: 'Hours per week by channel',
          categories: rows.map((r) => r.name),
          series: [
            { name: `${ctx.qr.key} (now)`, values: rows.map((r) => r.currentHoursPerWeek) },
            { name: `${next.key} (recommended)`, values: rows.map((r) => r.recommendedHoursPerWeek) }
          ],
          valueAxis: 'Hours per week'
        }
      },
      {
        kind: 'table',
        title: `Total ${format.num(curTotal, 1)} → ${format.num(recTotal, 1)} h/week`,
        columns: [
          { label: 'Channel', align: 'left', width: 3 },
          { label: 'Now', align: 'right', width: 1.3 },
          { label: 'Next', align: 'right', width: 1.3 },
          { label: 'Change', align: 'right', width: 1.4 },
          { label: 'Decision', align: 'left', width: 1.6 }
        ],
        rows: rows.slice(0, 12).map((r) => [
          r.name,
          format.num(r.currentHoursPerWeek, 1),
          format.num(r.recommendedHoursPerWeek, 1),
          format.delta(r.recommendedHoursPerWeek - r.currentHoursPerWeek),
          r.decision === null ? 'As recommended' : DECISION_LABEL[r.decision.kind]
        ]),
        footnote: rows.length > 12 ? `And ${rows.length - 12} more channels.` : null
      },
      {
        kind: 'text',
        lines: [
          { text: decided.length === 0 ? 'No pins or overrides: the split is the recommendation as computed.' : 'Decisions', bold: true },
          ...decided.map((r) => ({
            text: `${r.name} ${decisionText(r.decision ?? { kind: 'override', hoursPerWeek: null, reason: '', decidedBy: '', date: '' })}${r.engineHoursPerWeek === null ? '' : ` (recommended: ${format.num(r.engineHoursPerWeek, 1)} h/week)`}`,
            level: 1 as const
          }))
        ]
      }
    ],
    speakerNotes: [
      `Hours per week now and recommended for ${next.key}, from the Priorities recommendation (expected goal impact per hour, with diminishing returns; see the Priorities screen).`,
      'Pins and overrides are people\'s decisions and win over the recommendation; its own figure is shown beside each. The recommendation advises, people decide.'
    ].join('\n'),
    emptyMessage: null
  }
}

/** All notes and decisions of the quarter, in slide order. */
export function decisionsSlide(ctx: DeckContext, titles: ReadonlyMap<string, string>): SlideDraft {
  const title = 'Decisions and notes'
  const order = [...titles.keys()]
  const keys = [...ctx.notesBySlide.keys()].toSorted((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0))
  const lines = keys.flatMap((k) => [
    { text: titles.get(k) ?? k, bold: true },
    ...(ctx.notesBySlide.get(k) ?? []).map((n) => ({ text: `${n.text.trim()} (${n.author || 'unsigned'})`, level: 1 as const }))
  ])
  const decided = ctx.input.hours.filter((h) => h.decision !== null)
  if (decided.length > 0) {
    lines.push({ text: 'Channel hours', bold: true })
    for (const h of decided.toSorted((a, b) => (ctx.channelName(a.channelId) < ctx.channelName(b.channelId) ? -1 : 1))) {
      if (h.decision !== null) lines.push({ text: `${ctx.channelName(h.channelId)} ${decisionText(h.decision)}`, level: 1 })
    }
  }
  return {
    key: 'decisions',
    title,
    blocks: lines.length === 0 ? [] : [{ kind: 'text', lines }],
    speakerNotes: 'Notes and decisions the team typed on the Review screen for this quarter, by slide, plus the pins and overrides on channel hours.',
    emptyMessage: lines.length === 0 ? 'No decisions or notes were recorded for this quarter.' : null
  }
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key)
  return i === -1 ? order.length : i
}

/** Data tables behind the slides: goals and channels. */
export function appendixSlides(ctx: DeckContext): SlideDraft[] {
  const goals: SlideDraft = {
    key: 'appendix-goals',
    title: 'Appendix: goals',
    blocks:
      ctx.goals.length === 0
        ? []
        : [
            {
              kind: 'table',
              title: `Goals of ${ctx.qr.key}`,
              columns: [
                { label: 'Goal', align: 'left', width: 5 },
                { label: 'KPI', align: 'left', width: 2.5 },
                { label: 'Owner', align: 'left', width: 2 },
                { label: 'Baseline', align: 'right', width: 1.5 },
                { label: 'Target', align: 'right', width: 1.5 },
                { label: 'Latest', align: 'right', width: 1.5 },
                { label: 'Projected', align: 'right', width: 1.6 },
                { label: 'Status', align: 'left', width: 1.6 }
              ],
              rows: ctx.goals.slice(0, 14).map((g) => {
                const p = ctx.progress.get(g.id)
                return [
                  g.objective,
                  `${g.kpiName}${g.kpiUnit === '' ? '' : ` (${g.kpiUnit})`}`,
                  ctx.memberName(g.ownerId),
                  format.num(g.baseline, 1),
                  format.num(g.target, 1),
                  format.num(p?.current ?? null, 1),
                  format.num(p?.projected ?? null, 1),
                  p?.statusLabel ?? '–'
                ]
              }),
              footnote: ctx.goals.length > 14 ? `And ${ctx.goals.length - 14} more goals (Goals screen).` : null
            }
          ],
    speakerNotes: 'Every goal of the quarter with the figures used on the goal slides. Owners come from the team list.',
    emptyMessage: ctx.goals.length === 0 ? `No goals were set for ${ctx.qr.key}.` : null
  }
  const chans = ctx.channels
  const channels: SlideDraft = {
    key: 'appendix-channels',
    title: 'Appendix: channels',
    blocks:
      chans.length === 0
        ? []
        : [
            {
              kind: 'table',
              title: 'Channel estimates in use',
              columns: [
                { label: 'Channel', align: 'left', width: 3.5 },
                { label: 'Platform', align: 'left', width: 2 },
                { label: 'Status', align: 'left', width: 1.6 },
                { label: 'Owner', align: 'left', width: 2 },
                { label: 'Posts/wk', align: 'right', width: 1.5 },
                { label: 'h/post', align: 'right', width: 1.3 },
                { label: 'Fixed h/mo', align: 'right', width: 1.7 },
                { label: 'Goals linked', align: 'right', width: 1.8 }
              ],
              rows: chans.slice(0, 14).map((c) => [
                c.name,
                enumLabels[c.platform] ?? c.platform,
                enumLabels[c.status] ?? c.status,
                ctx.memberName(c.ownerId),
                format.num(c.cadencePerWeek, 1),
                format.num(c.hoursPerPost, 1),
                format.num(c.fixedHoursPerMonth, 1),
                format.num(c.goalLinks.length)
              ]),
              footnote: chans.length > 14 ? `And ${chans.length - 14} more channels (Channels screen).` : null
            }
          ],
    speakerNotes: 'The channel settings behind the scorecard and the output plan: cadence target, hours per post and fixed monthly hours.',
    emptyMessage: chans.length === 0 ? 'No channels are set up in this workspace.' : null
  }
  return [goals, channels]
}
