import type { ModelInput } from './modelTypes'

export type ModelIssue = { path: (string | number)[]; message: string }

const KINDS = new Set(['count', 'rate', 'money'])

/**
 * What the model refuses rather than guesses around: an unknown goal kind, a rate goal outside 0–100 %,
 * a stretch on the wrong side of the target, negative or non-finite reach or audience. Each issue names
 * the record list, its position and the field. The service's records pass the same rules in their schemas;
 * this guards callers that build inputs themselves (the backtest, benches, scripts).
 */
export function modelInputIssues(input: ModelInput): ModelIssue[] {
  const out: ModelIssue[] = []
  const finite = (v: number | null): boolean => v === null || Number.isFinite(v)
  input.goals.forEach((g, i) => {
    if (!KINDS.has(g.kind)) out.push({ path: ['goals', i, 'kind'], message: `Unknown goal kind "${String(g.kind)}": use count, rate or money` })
    for (const f of ['baseline', 'target', 'stretchTarget', 'weight'] as const) if (!finite(g[f])) out.push({ path: ['goals', i, f], message: 'Must be a finite number' })
    if (g.kind === 'rate')
      for (const f of ['baseline', 'target', 'stretchTarget'] as const) {
        const v = g[f]
        if (v !== null && (v < 0 || v > 100)) out.push({ path: ['goals', i, f], message: 'A rate goal is in per cent: 0 to 100' })
      }
    if (g.stretchTarget !== null && g.target !== null) {
      const up = g.target >= g.baseline
      if (up ? g.stretchTarget <= g.target : g.stretchTarget >= g.target) out.push({ path: ['goals', i, 'stretchTarget'], message: up ? 'Stretch must be above the target' : 'Stretch must be below the target' })
    }
    if (g.stretchTarget !== null && g.target === null) out.push({ path: ['goals', i, 'stretchTarget'], message: 'A stretch target needs a target first' })
  })
  input.channels.forEach((c, i) => {
    if (!Number.isFinite(c.audience) || c.audience < 0) out.push({ path: ['channels', i, 'audience'], message: 'Audience must be a finite number, not negative' })
    const s = c.organicReachShare
    if (s !== null && (!Number.isFinite(s) || s <= 0 || s > 1)) out.push({ path: ['channels', i, 'organicReachShare'], message: 'Organic reach share must be above 0 and at most 1' })
    c.links.forEach((l, j) => {
      if (!Number.isFinite(l.rate) || l.rate < 0) out.push({ path: ['channels', i, 'links', j, 'rate'], message: 'A rate must be a finite number, not negative' })
    })
  })
  input.posts.forEach((p, i) => {
    if (p.reach !== null && (!Number.isFinite(p.reach) || p.reach < 0)) out.push({ path: ['posts', i, 'reach'], message: 'Reach must be a finite number, not negative' })
    if (p.conversions !== null && (!Number.isFinite(p.conversions) || p.conversions < 0)) out.push({ path: ['posts', i, 'conversions'], message: 'Results must be a finite number, not negative' })
  })
  return out
}
