import type { ChannelEvidence } from './channelEvidence'
import { judgedHours, postsAt, reachPerWeek } from './channelResponse'
import type { Prepared } from './modelCore'
import { channelValues } from './modelRanking'
import { formatNumber } from './formatNumber'

export type RiceRow = {
  channelId: string
  /** People reached over the period from the estimates: audience × organic share × posts. */
  reach: number
  /** Goal points per 1,000 reached, from the entered rates (no results, no caps learned). */
  impact: number
  confidence: number
  /** Hours over the period. */
  effort: number
  /** Reach × Impact ÷ 1,000 × Confidence ÷ Effort: points per hour. */
  score: number
  rank: number
}

export type RiceView = { rows: RiceRow[]; sentence: string }

/**
 * The plain RICE a marketer would compute from the same records: Reach from the audience and the
 * organic-reach prior, Impact from the entered rates, Confidence as entered, Effort as hours. It shares
 * the goal weights and spans with the model, so the two differ only where the model knows more.
 */
export function riceView(estimates: Prepared, model: Prepared, modelRanks: ArrayLike<number>, compared: readonly boolean[] = []): RiceView {
  const values = channelValues(estimates)
  const weeks = Math.max(1, ...estimates.states.map((s) => s.weeks))
  const rows = estimates.channels.map(({ c, resp, ev }, ci) => {
    const hours = judgedHours(c)
    const reach = reachPerWeek(resp, postsAt(resp, hours)) * weeks
    const value = values[ci]?.value ?? 0
    const impact = reach > 0 ? (value / reach) * 1000 : 0
    const confidence = Math.min(1, Math.max(0.1, c.confidence))
    const effort = hours * weeks
    const score = effort > 0 && !ev.needsEstimate ? ((reach * impact) / 1000) * confidence / effort : 0
    return { channelId: c.id, reach, impact, confidence, effort, score, rank: 0 }
  })
  const order = rows.map((_, i) => i).toSorted((a, b) => (rows[b]?.score ?? 0) - (rows[a]?.score ?? 0) || ((rows[a]?.channelId ?? '') < (rows[b]?.channelId ?? '') ? -1 : 1))
  order.forEach((i, r) => {
    const row = rows[i]
    if (row !== undefined) row.rank = r + 1
  })
  return { rows, sentence: whyDifferent(rows, model, modelRanks, compared) }
}

/**
 * One sentence on the channel whose RICE rank is furthest from the model's, and the input that makes it
 * so. Only channels that can get hours are compared (`compared`): a paused channel ranks low in the model
 * because it is paused, which needs no explaining.
 */
function whyDifferent(rows: readonly RiceRow[], model: Prepared, modelRanks: ArrayLike<number>, compared: readonly boolean[]): string {
  let worst = -1
  let gap = 0
  rows.forEach((r, i) => {
    if (compared[i] === false) return
    const d = Math.abs(r.rank - (modelRanks[i] ?? r.rank))
    if (d > gap) [gap, worst] = [d, i]
  })
  const ch = model.channels[worst]
  const row = rows[worst]
  if (ch === undefined || row === undefined) return 'RICE and the model rank the channels in the same order: the published results agree with the estimates.'
  const mr = modelRanks[worst] ?? 0
  return `${ch.c.name} is #${row.rank} by RICE but #${mr} in the model: ${reason(ch.ev, ch.c.name, ch.c.confidence)}.`
}

function reason(ev: ChannelEvidence, name: string, confidence: number): string {
  const reasons: { size: number; text: string }[] = []
  if (ev.reach.observed !== null && ev.reach.prior > 0) {
    const ratio = ev.reach.perPost / ev.reach.prior
    reasons.push({
      size: Math.abs(Math.log(ratio)),
      text: `${ev.reach.posts} published posts put its reach per post at ${formatNumber(ev.reach.perPost)} against RICE’s ${formatNumber(ev.reach.prior)} from the audience`
    })
  }
  for (const r of ev.rates) {
    if (r.observed === null || r.estimate <= 0) continue
    reasons.push({ size: Math.abs(Math.log(Math.max(r.blended, 1e-9) / r.estimate)), text: `its results move the rate from the estimated ${formatNumber(r.estimate)} to ${formatNumber(r.blended)} per 1,000 reached` })
  }
  reasons.push({ size: Math.abs(Math.log(Math.min(1, Math.max(0.1, confidence)))), text: `RICE multiplies by its confidence ${formatNumber(confidence)}, while the model uses the evidence’s spread instead` })
  const top = reasons.toSorted((a, b) => b.size - a.size)[0]
  return top?.text ?? `the model and RICE see ${name} alike`
}
