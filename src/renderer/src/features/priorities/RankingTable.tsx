import type { ChannelScore, ScoringFlag } from '../../../../core/scoring'
import { goalColor } from './computePriorities'

/** Flags in words; the ones a person should act on are warnings. */
export const FLAG_LABELS: Record<ScoringFlag, { label: string; tone: 'warn' | 'muted' | 'danger'; help: string }> = {
  'needs-estimate': { label: 'Needs estimate', tone: 'danger', help: 'No audience, or no rate for a goal with a target: ranked last until estimated' },
  'no-cadence': { label: 'No cadence', tone: 'muted', help: 'Cadence target is 0 posts a week' },
  'zero-effort': { label: 'No effort entered', tone: 'warn', help: 'Counted as 1 hour so the score stays comparable' },
  'zero-target-goal': { label: 'Goal without target', tone: 'warn', help: 'A linked goal has no target and is skipped' },
  'unknown-goal': { label: 'Old goal link', tone: 'warn', help: 'Linked to a goal outside this quarter; re-link it to count' },
  'stale-estimate': { label: 'Stale estimate', tone: 'warn', help: 'Not reviewed for 90 days: its confidence is reduced' },
  'undated-estimate': { label: 'Undated estimate', tone: 'warn', help: 'No review date: counted at half confidence' },
  retired: { label: 'Retired', tone: 'muted', help: 'Kept for history' },
  paused: { label: 'Paused', tone: 'muted', help: 'Paused channel' },
  duplicate: { label: 'Duplicate', tone: 'danger', help: 'Same platform and handle as another channel' },
  'duplicate-link': { label: 'Goal linked twice', tone: 'warn', help: 'Only the first link counts' },
  'cost-ignored': { label: 'Cost ignored', tone: 'muted', help: 'No hourly rate to turn cost into hours' },
  'invalid-input': { label: 'Invalid input', tone: 'danger', help: 'A number was not usable and counted as 0' }
}

export function FlagBadges({ flags }: { flags: readonly ScoringFlag[] }) {
  return (
    <>
      {flags.map((f) => {
        const spec = FLAG_LABELS[f]
        const cls = spec.tone === 'muted' ? 'badge' : `badge badge-${spec.tone}`
        return (
          <span key={f} className={cls} title={spec.help} data-flag={f}>
            {spec.label}
          </span>
        )
      })}
    </>
  )
}

type Props = {
  ranked: readonly ChannelScore[]
  goalIds: readonly string[]
  /** Rank before the what-if, to show the move while a slider is held. */
  savedRank: ReadonlyMap<string, number>
  onOpen: (channelId: string) => void
}

export function RankingTable({ ranked, goalIds, savedRank, onOpen }: Props) {
  return (
    <div className="prio-table-wrap">
      <table className="prio-table" data-testid="ranking">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Channel</th>
            <th className="num" title="Impact points per 100 hours of effort">Score</th>
            <th className="num" title="Points of the weighted remaining goal gap closed this quarter">Impact</th>
            <th className="num">Effort h/mo</th>
            <th className="num" title="Confidence after calibration and staleness">Conf.</th>
            <th className="prio-why">Why: share of impact by goal</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((c) => {
            const before = savedRank.get(c.id)
            const moved = before === undefined ? 0 : before - c.rank
            return (
              <tr key={c.id} data-testid="priority-row" data-channel-id={c.id} data-rank={c.rank}>
                <td className="num prio-rank">
                  {c.rank}
                  {moved !== 0 && (
                    <span className={moved > 0 ? 'prio-up' : 'prio-down'} title={`Rank with saved weights: ${before ?? '–'}`}>
                      {moved > 0 ? `▲${moved}` : `▼${-moved}`}
                    </span>
                  )}
                </td>
                <td>
                  <button type="button" className="link-button prio-name" onClick={() => onOpen(c.id)} data-testid="priority-name">
                    {c.name}
                  </button>
                  <div className="prio-flags">
                    <FlagBadges flags={c.flags} />
                  </div>
                </td>
                <td className="num prio-score">{c.score.toFixed(1)}</td>
                <td className="num">{c.impact.toFixed(1)}</td>
                <td className="num">{c.effort.hoursPerMonth.toFixed(1)}</td>
                <td className="num">{c.factors.effectiveConfidence.toFixed(2)}</td>
                <td className="prio-why">
                  <StackedBar channel={c} goalIds={goalIds} />
                  <p className="subtle prio-explain">{c.explanation}</p>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function StackedBar({ channel, goalIds }: { channel: ChannelScore; goalIds: readonly string[] }) {
  // Largest share first, the order the sentence below names them in.
  const parts = channel.breakdown.filter((s) => s.fraction > 0).toSorted((a, b) => b.fraction - a.fraction)
  if (parts.length === 0) return <div className="prio-bar prio-bar-empty" role="img" aria-label="No impact" />
  return (
    <div className="prio-bar" role="img" aria-label={parts.map((s) => `${Math.round(s.fraction * 100)} % ${s.goalName}`).join(', ')}>
      {parts.map((s) => (
        <span key={s.goalId} style={{ width: `${s.fraction * 100}%`, background: goalColor(goalIds, s.goalId) }} title={`${s.goalName}: ${Math.round(s.fraction * 100)} % (${s.points.toFixed(1)} points)`} />
      ))}
    </div>
  )
}
