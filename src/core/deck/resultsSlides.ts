import { quarter } from '../goals/quarter'
import { channelStats } from './channelSlides'
import type { DeckContext } from './deckContext'
import type { SlideDraft } from './deckModel'
import { format } from './format'

/**
 * Results, not activity: per channel the hours and money spent, the results per goal, what each
 * result cost in hours and in money, and what the model predicted for the same period.
 */
export function resultsSlide(ctx: DeckContext): SlideDraft {
  const title = 'Results by channel: what the hours bought'
  const elapsed = Math.min(1, (quarter.dayIndex(ctx.qr, ctx.asOf) + 1) / ctx.qr.days)
  const months = 3 * elapsed
  const stats = channelStats(ctx, ctx.published, months)
  const { hourlyRate, currency } = ctx.input.money
  const predicted = new Map(ctx.input.predicted.map((p) => [`${p.channelId} ${p.goalId}`, p]))
  const unitsOf = new Map<string, number>()
  for (const c of ctx.published) {
    if (c.channelId === null || c.goalId === null) continue
    const k = `${c.channelId} ${c.goalId}`
    unitsOf.set(k, (unitsOf.get(k) ?? 0) + (c.resultConversions ?? 0))
  }
  const rows: string[][] = []
  for (const s of stats.toSorted((a, b) => b.units - a.units || (a.channel.name < b.channel.name ? -1 : 1))) {
    const spend = s.channel.costPerMonth * months
    const goals = ctx.goals
      .map((g) => ({ g, units: unitsOf.get(`${s.channel.id} ${g.id}`) ?? 0, pred: predicted.get(`${s.channel.id} ${g.id}`) ?? null }))
      .filter((x) => x.units > 0 || x.pred !== null)
    const first = (i: number, v: string): string => (i === 0 ? v : '')
    if (goals.length === 0) {
      rows.push([s.channel.name, 'no goal results', format.num(s.hours, 1), format.money(spend, currency), '0', '–', '–', '–'])
      continue
    }
    goals.forEach((x, i) => {
      // A rate (share of voice, % answered in a day) is not a pile of units: summing it per post, or
      // pricing "a result", would be made-up arithmetic. Its level is on the goal's own slide.
      if (x.g.kind === 'rate') {
        rows.push([first(i, s.channel.name), `${x.g.kpiName}`, first(i, format.num(s.hours, 1)), first(i, format.money(spend, currency)), 'rate goal', '–', '–', '–'])
        return
      }
      const cost = s.hours * hourlyRate + spend
      const pred = x.pred === null ? null : x.pred.point * elapsed
      const range = x.pred?.low != null && x.pred.high != null ? ` (${format.num(x.pred.low * elapsed, 0)}–${format.num(x.pred.high * elapsed, 0)})` : ''
      rows.push([
        first(i, s.channel.name),
        `${x.g.kpiName}`,
        first(i, format.num(s.hours, 1)),
        first(i, format.money(spend, currency)),
        format.num(x.units, 1),
        pred === null ? '–' : `${format.num(pred, 1)}${range}`,
        x.units > 0 ? format.num(s.hours / x.units, 1) : '–',
        x.units > 0 ? format.money(cost / x.units, currency) : '–'
      ])
    })
  }
  if (rows.length === 0) {
    return { key: 'results', title, blocks: [], speakerNotes: 'No channel was active or published content this quarter.', emptyMessage: 'No channel was active or published content this quarter.' }
  }
  return {
    key: 'results',
    title,
    blocks: [
      {
        kind: 'table',
        title: ctx.interim ? `${ctx.qr.key} so far (as of ${ctx.asOf}): results against the prediction to date` : `${ctx.qr.key}: results against the prediction`,
        columns: [
          { label: 'Channel', align: 'left', width: 3.2 },
          { label: 'Goal', align: 'left', width: 3 },
          { label: 'Hours', align: 'right', width: 1.1 },
          { label: 'Spend', align: 'right', width: 1.5 },
          { label: 'Results', align: 'right', width: 1.2 },
          { label: 'Predicted', align: 'right', width: 1.5 },
          { label: 'h/result', align: 'right', width: 1.2 },
          { label: 'Cost/result', align: 'right', width: 1.5 }
        ],
        rows,
        footnote: `Cost counts hours at ${format.money(hourlyRate, currency)} an hour plus the channel's spend.`
      }
    ],
    speakerNotes: [
      `Hours: effort recorded on the channel's published content plus its fixed monthly hours for the ${format.num(months, 1)} months elapsed. Spend: its monthly cost for the same months.`,
      'Results: the units recorded on published content linked to each goal. Hours and cost per result count all the channel\'s hours and spend against each goal\'s results.',
      'A rate goal (a percentage) is not added up per post; its level is on the goal\'s slide.',
      `Predicted: what the priority model expected from the channel's plan for this period${ctx.interim ? ', scaled to the days elapsed' : ''}; a range is its 80 % interval where the model gives one.`,
      ctx.input.planAsOf === null ? 'Estimates are today\'s.' : `Estimates, minimum hours and goals are those of ${ctx.input.planAsOf}, rebuilt from the workspace's history of edits, so this deck shows the same numbers whenever it is rebuilt.`
    ].join('\n'),
    emptyMessage: null
  }
}
