import type { CadenceCurve, LinkRate, ModelChannel, ModelGoal, ModelPost, ReachEstimate } from './modelTypes'
import { organicReach } from './organicReach'

/** Published results older than this say little about a channel's audience today. */
export const EVIDENCE_DAYS = 365
/** Spread of one post's reach (sd of log reach) assumed before a channel has 3 posts of its own. */
export const PRIOR_LOG_SPREAD = 0.6
/**
 * How far a platform's organic-reach share may be off for one channel: sd of log reach ≈ 1, a factor of
 * about 2.7 either way ("a few per cent to ~20 %" covers LinkedIn pages from small to large).
 */
export const PRIOR_SHARE_LOG_SPREAD = 1
/**
 * The prior reach counts as this many posts: (one post's log spread ÷ the prior's)² = 0.36, the normal–normal
 * weight. It used to be 4, which let a wrong platform share outweigh a channel's own first dozen posts (the
 * paused partner newsletter kept a 40 % open-rate prior against its real ~3 %, and was predicted ~15× too
 * high in the backtest).
 */
export const PRIOR_POSTS = (PRIOR_LOG_SPREAD / PRIOR_SHARE_LOG_SPREAD) ** 2
/** Prior for the cadence exponent β in r(n) = r(n0)·(n/n0)^−β: each doubling of cadence costs ~13 % reach per post. */
export const PRIOR_BETA = 0.2
/** Weeks of history the prior β counts as. */
export const PRIOR_BETA_WEEKS = 8
/** β is kept in [0, 0.8]: total reach still grows with cadence, never faster than proportionally. */
export const BETA_MAX = 0.8
/** z for a two-sided 80 % interval. */
export const Z80 = 1.2816

const DAY_MS = 86_400_000
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS)

export type ChannelEvidence = {
  reach: ReachEstimate
  curve: CadenceCurve
  rates: LinkRate[]
  needsEstimate: boolean
}

/**
 * Posts per channel inside the evidence window up to `today`, with a usable reach. Grouped once for all
 * channels (each date parsed once), so 1,000 channels with 12,000 posts cost one pass, not a thousand.
 */
export function evidenceByChannel(posts: readonly ModelPost[], today: string): Map<string, ModelPost[]> {
  const end = dayNumber(today)
  const out = new Map<string, ModelPost[]>()
  for (const p of posts) {
    if (p.reach === null || !Number.isFinite(p.reach) || p.reach < 0) continue
    const d = dayNumber(p.date)
    if (d > end || d <= end - EVIDENCE_DAYS) continue
    const list = out.get(p.channelId)
    if (list === undefined) out.set(p.channelId, [p])
    else list.push(p)
  }
  return out
}

/** Mean after pulling the lowest and highest 10 % of values in to their neighbours: one viral post cannot make the channel. */
export function winsorisedMean(values: readonly number[]): number {
  if (values.length === 0) return 0
  const s = values.toSorted((a, b) => a - b)
  const k = Math.floor(s.length * 0.1)
  const lo = s[k] ?? 0
  const hi = s[s.length - 1 - k] ?? 0
  let sum = 0
  for (const v of s) sum += Math.min(hi, Math.max(lo, v))
  return sum / s.length
}

function reachEstimate(c: ModelChannel, mine: readonly ModelPost[], calibrate: boolean): ReachEstimate {
  const prior = organicReach(c.platform, c.organicReachShare, c.reachNote)
  const priorReach = Math.max(0, Number.isFinite(c.audience) ? c.audience : 0) * prior.share
  const reaches = calibrate ? mine.map((p) => p.reach ?? 0) : []
  const n = reaches.length
  const observed = n === 0 ? null : winsorisedMean(reaches)
  // Without an audience the prior says nothing, so the evidence alone decides.
  const weight = n === 0 ? 0 : priorReach === 0 ? 1 : n / (n + PRIOR_POSTS)
  const perPost = observed === null ? priorReach : weight * observed + (1 - weight) * priorReach
  let logSpread = PRIOR_LOG_SPREAD
  if (n >= 3) {
    const logs = reaches.map((r) => Math.log(r + 1))
    const m = logs.reduce((a, b) => a + b, 0) / n
    const v = logs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1)
    logSpread = Math.sqrt((n * v + 2 * PRIOR_LOG_SPREAD ** 2) / (n + 2))
  }
  const meanSpread = logSpread / Math.sqrt(n + (priorReach > 0 ? PRIOR_POSTS : 0) || 1)
  return {
    perPost,
    prior: priorReach,
    priorShare: prior.share,
    priorSource: prior.source,
    observed,
    posts: n,
    evidenceWeight: weight,
    logSpread,
    low: perPost * Math.exp(-Z80 * meanSpread),
    high: perPost * Math.exp(Z80 * meanSpread)
  }
}

/**
 * Diminishing returns from the channel's own history: weekly points (posts that week, mean reach per
 * post), fitted by least squares on log-log as log r = a − β·log n, then shrunk toward PRIOR_BETA with
 * PRIOR_BETA_WEEKS weeks of weight. Weeks that all had the same cadence cannot show a slope: prior only.
 */
function cadenceCurve(c: ModelChannel, mine: readonly ModelPost[], calibrate: boolean): CadenceCurve {
  const weeks = new Map<number, { n: number; reach: number }>()
  if (calibrate) {
    for (const p of mine) {
      const w = Math.floor(dayNumber(p.date) / 7)
      const cur = weeks.get(w) ?? { n: 0, reach: 0 }
      weeks.set(w, { n: cur.n + 1, reach: cur.reach + (p.reach ?? 0) })
    }
  }
  const pts = [...weeks.values()].filter((w) => w.reach > 0)
  const reference = pts.length === 0 ? Math.max(c.postsPerWeek, 1) : pts.reduce((a, w) => a + w.n, 0) / pts.length
  let fitted: number | null = null
  if (pts.length >= 4) {
    const xs = pts.map((w) => Math.log(w.n))
    const ys = pts.map((w) => Math.log(w.reach / w.n))
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length
    const my = ys.reduce((a, b) => a + b, 0) / ys.length
    let sxy = 0
    let sxx = 0
    xs.forEach((x, i) => {
      sxy += (x - mx) * ((ys[i] ?? 0) - my)
      sxx += (x - mx) ** 2
    })
    if (sxx > 1e-9) fitted = -sxy / sxx
  }
  const w = fitted === null ? 0 : pts.length
  const raw = fitted === null ? PRIOR_BETA : (w * fitted + PRIOR_BETA_WEEKS * PRIOR_BETA) / (w + PRIOR_BETA_WEEKS)
  const beta = Math.min(BETA_MAX, Math.max(0, raw))
  const method =
    fitted === null
      ? `Prior β = ${PRIOR_BETA} (${pts.length < 4 ? `${pts.length} weeks of history, fewer than 4` : 'every week had the same number of posts'}).`
      : `Fitted on ${pts.length} weeks (β ${fitted.toFixed(2)}), shrunk toward the prior ${PRIOR_BETA} with ${PRIOR_BETA_WEEKS} weeks of weight.`
  return { beta, betaFitted: fitted, weeks: pts.length, referenceCadence: reference, method }
}

/**
 * Rates per linked goal. Count and money goals: the estimate counts as 10 × confidence posts of prior
 * reach at the estimated rate (Gamma–Poisson), results pull it toward units ÷ reach; the posterior's
 * coefficient of variation is 1/√(units seen + units imagined). Rate goals: the estimate as entered
 * (items record no per-post denominators for a rate), with a spread set by the confidence.
 */
function linkRates(c: ModelChannel, goals: ReadonlyMap<string, ModelGoal>, goalKeys: ReadonlyMap<string, string>, mine: readonly ModelPost[], perPost: number, calibrate: boolean): LinkRate[] {
  const conf = Math.min(1, Math.max(0.1, Number.isFinite(c.confidence) ? c.confidence : 0.1))
  const out: LinkRate[] = []
  const seen = new Set<string>()
  const linked = c.links.filter((l) => goals.has(l.goalId) && !seen.has(l.goalId) && (seen.add(l.goalId), true))
  // A goal the data shows this channel serving counts even without a link.
  const extra = calibrate
    ? [...goals.values()].filter((g) => !seen.has(g.id) && g.kind !== 'rate' && mine.some((p) => p.goalKey === goalKeys.get(g.id) && (p.conversions ?? 0) > 0)).map((g) => ({ goalId: g.id, rate: 0, fromData: true }))
    : []
  for (const l of [...linked.map((x) => ({ ...x, fromData: false })), ...extra]) {
    const g = goals.get(l.goalId)
    if (g === undefined) continue
    // Rates below 10⁻⁹ are rounding, not an estimate: they count as 0.
    const estimate = Number.isFinite(l.rate) && l.rate > 1e-9 ? l.rate : 0
    if (g.kind === 'rate') {
      out.push({ goalId: g.id, estimate, observed: null, blended: Math.min(100, estimate), spread: 0.35 * (1.1 - conf), posts: 0 })
      continue
    }
    const key = goalKeys.get(g.id)
    // Units per 1,000 reached by the channel as a whole: the prediction multiplies the rate by all of the
    // channel's reach, so the observation must divide the goal's units by all of it too (dividing by the reach
    // of the items filed under the goal alone overstated a channel that serves several goals, ~3× on the demo).
    const obs = calibrate ? mine.filter((p) => (p.reach ?? 0) > 0) : []
    const units = obs.reduce((a, p) => a + (key !== undefined && p.goalKey === key ? Math.max(0, p.conversions ?? 0) : 0), 0)
    const reached = obs.reduce((a, p) => a + (p.reach ?? 0), 0)
    const priorReach = l.fromData ? 0 : 10 * conf * Math.max(perPost, 1)
    const blended = priorReach + reached === 0 ? estimate : (estimate * priorReach + units * 1000) / (priorReach + reached)
    const shape = (estimate * priorReach) / 1000 + units
    out.push({ goalId: g.id, estimate, observed: reached === 0 ? null : (units * 1000) / reached, blended, spread: shape > 0 ? Math.max(0.05, 1 / Math.sqrt(shape + 1)) : 1, posts: obs.length })
  }
  return out
}

/** Everything the model knows about one channel's reach, curve and rates as of `today`. */
export function channelEvidence(
  c: ModelChannel,
  goals: ReadonlyMap<string, ModelGoal>,
  goalKeys: ReadonlyMap<string, string>,
  posts: readonly ModelPost[] | ReadonlyMap<string, readonly ModelPost[]>,
  today: string,
  calibrate: boolean
): ChannelEvidence {
  const grouped = posts instanceof Map ? posts : evidenceByChannel(posts as readonly ModelPost[], today)
  const mine = grouped.get(c.id) ?? []
  const reach = reachEstimate(c, mine, calibrate)
  const curve = cadenceCurve(c, mine, calibrate)
  const rates = linkRates(c, goals, goalKeys, mine, reach.perPost, calibrate)
  const needsEstimate = reach.perPost <= 0 || !rates.some((r) => r.blended > 0)
  return { reach, curve, rates, needsEstimate }
}
