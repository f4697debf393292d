import { enumLabels } from '../domain/enums'
import { quarter } from '../goals/quarter'
import type { DeckContext } from './deckContext'
import { decisionText, verdictLabels, verdictRules, verdictWithReason } from './channelVerdict'
import type { SlideDraft } from './deckModel'
import { format } from './format'

/** Next quarter: the proposed goals, then the split of hours with each channel's verdict and the asks. */
export function planSlides(ctx: DeckContext): SlideDraft[] {
  return [nextGoalsSlide(ctx), hoursSlide(ctx)]
}

function nextGoalsSlide(ctx: DeckContext): SlideDraft {
  const next = quarter.next(ctx.qr)
  const title = `Next quarter: proposed goals for ${next.key}`
  const goals = ctx.input.goals
    .filter((g) => g.quarter === next.key)
    .toSorted((a, b) => b.priority - a.priority || (a.objective < b.objective ? -1 : a.objective > b.objective ? 1 : 0))
  if (goals.length === 0) {
    return {
      key: 'next-goals',
      title,
      blocks: [],
      speakerNotes: `Goals for ${next.key} are proposed on the Goals screen; none is there yet.`,
      emptyMessage: `No goals are proposed for ${next.key} yet: add them on the Goals screen before the review.`
    }
  }
  return {
    key: 'next-goals',
    title,
    blocks: [
      {
        kind: 'table',
        title: `${goals.length} proposed ${goals.length === 1 ? 'goal' : 'goals'}`,
        columns: [
          { label: 'Goal', align: 'left', width: 5 },
          { label: 'KPI', align: 'left', width: 3 },
          { label: 'Owner', align: 'left', width: 2 },
          { label: 'Baseline', align: 'right', width: 1.5 },
          { label: 'Target', align: 'right', width: 2.2 },
          { label: 'Priority', align: 'right', width: 1.2 }
        ],
        rows: goals.map((g) => [
          g.objective,
          `${g.kpiName}${g.kpiUnit === '' ? '' : ` (${g.kpiUnit})`}`,
          ctx.memberName(g.ownerId),
          format.num(g.baseline, 1),
          g.target === null ? 'no target' : `${format.num(g.target, 1)}${g.stretchTarget === null ? '' : ` (stretch ${format.num(g.stretchTarget, 1)})`}`,
          `${g.priority} of 5`
        ]),
        footnote: null
      }
    ],
    speakerNotes: `The goals entered for ${next.key}, highest priority first. The split of hours on the next slide serves the goals in play when it was computed.`,
    emptyMessage: null
  }
}

function hoursSlide(ctx: DeckContext): SlideDraft {
  const next = quarter.next(ctx.qr)
  const title = `Next quarter: where the hours go in ${next.key}`
  const rows = ctx.input.hours
    .map((h) => ({ ...h, name: ctx.channelName(h.channelId) }))
    .toSorted((a, b) => b.recommendedHoursPerWeek - a.recommendedHoursPerWeek || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.channelId < b.channelId ? -1 : 1))
  if (rows.length === 0) {
    return {
      key: 'hours',
      title,
      blocks: [],
      speakerNotes: 'The split of hours comes from the priority model; it needs channels with estimates (Channels and Priorities screens).',
      emptyMessage: `No split of hours could be computed for ${next.key}: no channel has estimates yet.`
    }
  }
  const curTotal = rows.reduce((s, r) => s + r.currentHoursPerWeek, 0)
  const recTotal = rows.reduce((s, r) => s + r.recommendedHoursPerWeek, 0)
  const { currency } = ctx.input.money
  const cost = new Map(ctx.channels.map((c) => [c.id, c.costPerMonth]))
  const spendNow = rows.filter((r) => r.currentHoursPerWeek > 0).reduce((s, r) => s + (cost.get(r.channelId) ?? 0), 0)
  const spendNext = rows.filter((r) => r.recommendedHoursPerWeek > 0).reduce((s, r) => s + (cost.get(r.channelId) ?? 0), 0)
  const decided = rows.filter((r) => r.decision !== null)
  const more = recTotal - curTotal
  const hoursAsk =
    Math.abs(more) < 0.5
      ? `Hours: ${format.num(recTotal, 1)} a week, the same as today's plan, divided differently.`
      : more > 0
        ? `Hours: ${format.num(recTotal, 1)} a week, ${format.num(more, 1)} more than today's plan (${format.num(curTotal, 1)}); they must come from other work or new capacity.`
        : `Hours: ${format.num(recTotal, 1)} a week, ${format.num(-more, 1)} fewer than today's plan (${format.num(curTotal, 1)}).`
  const budgetAsk =
    Math.abs(spendNext - spendNow) < 1
      ? `Budget: ${format.money(spendNext * 3, currency)} for the quarter in channel costs, unchanged.`
      : `Budget: ${format.money(spendNext * 3, currency)} for the quarter in channel costs (now ${format.money(spendNow * 3, currency)}).`
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
            { name: `${next.key} (proposed)`, values: rows.map((r) => r.recommendedHoursPerWeek) }
          ],
          valueAxis: 'Hours per week'
        }
      },
      {
        kind: 'table',
        title: `Total ${format.num(curTotal, 1)} → ${format.num(recTotal, 1)} h/week`,
        columns: [
          { label: 'Channel', align: 'left', width: 3 },
          { label: 'Now', align: 'right', width: 1.1 },
          { label: 'Next', align: 'right', width: 1.1 },
          { label: 'Verdict', align: 'left', width: 2.4 }
        ],
        rows: rows.map((r) => [r.name, format.num(r.currentHoursPerWeek, 1), format.num(r.recommendedHoursPerWeek, 1), verdictWithReason(r)]),
        footnote: null
      },
      {
        kind: 'text',
        lines: [
          { text: 'The asks', bold: true },
          { text: hoursAsk, level: 1 },
          { text: budgetAsk, level: 1 },
          ...decided.map((r) => ({
            text: `${r.name}: ${decisionText(r.decision ?? { kind: 'override', hoursPerWeek: null, reason: '', decidedBy: '', date: '' })}${r.engineHoursPerWeek === null ? '' : `; the model alone: ${format.num(r.engineHoursPerWeek, 1)} h/week`}`,
            level: 1 as const
          }))
        ]
      }
    ],
    speakerNotes: [
      `Hours per week now and proposed for ${next.key} by the priority model: ${ctx.input.scenario} (the Priorities screen shows the same split).`,
      `Verdicts come from the split only: ${(['grow', 'keep', 'trim', 'stop'] as const).map((v) => `${verdictLabels[v]} = ${verdictRules[v]}`).join('; ')}.`,
      "A team decision (a minimum number of hours, or a channel taken out) wins over the model; the model's own figure is shown beside it.",
      ctx.input.planAsOf === null ? '' : `The split uses the estimates, minimums and goals as they stood on ${ctx.input.planAsOf}.`
    ]
      .filter((l) => l !== '')
      .join('\n'),
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
      if (h.decision !== null) lines.push({ text: `${ctx.channelName(h.channelId)}: ${decisionText(h.decision)}`, level: 1 })
    }
  }
  return {
    key: 'decisions',
    title,
    blocks: lines.length === 0 ? [] : [{ kind: 'text', lines }],
    speakerNotes: 'Notes and decisions the team typed on the Review screen for this quarter, by slide, plus the team\'s decisions on channel hours (minimums and channels taken out on Priorities).',
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
              rows: ctx.goals.map((g) => {
                const p = ctx.progress.get(g.id)
                return [
                  g.objective,
                  `${g.kpiName}${g.kpiUnit === '' ? '' : ` (${g.kpiUnit})`}`,
                  ctx.memberName(g.ownerId),
                  format.num(g.baseline, 1),
                  g.target === null ? 'no target' : format.num(g.target, 1),
                  format.num(p?.current ?? null, 1),
                  format.num(p?.projected ?? null, 1),
                  p?.statusLabel ?? '–'
                ]
              }),
              footnote: null
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
              rows: chans.map((c) => [
                c.name,
                enumLabels[c.platform] ?? c.platform,
                enumLabels[c.status] ?? c.status,
                ctx.memberName(c.ownerId),
                format.num(c.cadencePerWeek, 1),
                format.num(c.hoursPerPost, 1),
                format.num(c.fixedHoursPerMonth, 1),
                format.num(c.goalLinks.length)
              ]),
              footnote: null
            }
          ],
    speakerNotes: 'The channel settings behind the scorecard and the output plan: cadence target, hours per post and fixed monthly hours.',
    emptyMessage: chans.length === 0 ? 'No channels are set up in this workspace.' : null
  }
  return [goals, channels]
}
