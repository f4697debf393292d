import { useDeferredValue, useMemo, useState } from 'react'
import type { KindName } from '../../../../core/domain/recordKinds'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import { ScreenHeader } from '../records/ScreenHeader'
import { ChannelPage } from '../channels/ChannelPage'
import { AdvicePanel } from './AdvicePanel'
import { BacktestLine } from './BacktestLine'
import { computePriorities, savedWeights, type ScoreData } from './computePriorities'
import { ImpactScatter } from './ImpactScatter'
import { RankChanges } from './RankChanges'
import { RankingTable } from './RankingTable'
import { RatesTable } from './RatesTable'
import { ModelPanel } from './ModelPanel'
import { WeightSliders } from './WeightSliders'
import './priorities.css'

/** Everything a score is built from; a change to any of them reloads the inputs. */
const DEPENDS: KindName[] = ['channel', 'goal', 'measurement', 'content', 'member', 'pin', 'scoreSnapshot']

export function PrioritiesScreen() {
  const { data, error } = useQuery('score-list', {}, { dependsOn: DEPENDS })
  const [drafts, setDrafts] = useState<ReadonlyMap<string, number>>(new Map())
  const [open, setOpen] = useState<string | undefined>(undefined)
  const save = useMutation('score-weights-save')

  const saved = useMemo(() => (data === undefined ? new Map<string, number>() : savedWeights(data)), [data])
  const weights = useMemo(() => new Map([...saved, ...drafts]), [saved, drafts])
  const dirty = [...drafts].some(([id, w]) => saved.get(id) !== w)
  // Drafts that the saved data now matches are done. Dropping them only when the new data arrives (an
  // adjustment during render, not an effect) keeps the ranking steady while the save travels.
  const [seen, setSeen] = useState(saved)
  if (seen !== saved) {
    setSeen(saved)
    setDrafts((d) => new Map([...d].filter(([id, w]) => saved.get(id) !== w)))
  }

  const cap = data?.capacityFromMembers ?? 0
  const live = useMemo(() => (data === undefined ? undefined : computePriorities(data, { weights, capacityHours: cap })), [data, weights, cap])
  const savedRank = useMemo(() => new Map((data?.channels ?? []).map((c) => [c.id, c.rank])), [data])
  const deferredWeights = useDeferredValue(weights)
  const goalIds = useMemo(() => (data?.goals ?? []).map((g) => g.id), [data])

  const actions = (
    <div className="prio-actions">
      {dirty && <span className="subtle">What-if: not saved</span>}
      <button type="button" className="btn" disabled={!dirty} onClick={() => setDrafts(new Map())} data-testid="reset-weights">
        Reset
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={!dirty || save.pending || data === undefined}
        data-testid="save-weights"
        onClick={() => void save.mutate({ weights: (data?.goals ?? []).map((g) => ({ goalId: g.id, weight: weights.get(g.id) ?? g.weight })) }).catch(() => undefined)}
      >
        Save weights
      </button>
    </div>
  )

  return (
    <div className="screen">
      <ScreenHeader
        title="Priorities"
        description="Channels ranked by expected impact on this quarter's goals per hour of effort. The score advises and explains; people decide."
        actions={actions}
      />
      {error !== undefined && (
        <p className="form-error" role="alert">
          Could not score the channels: {error.message}
        </p>
      )}
      {save.error !== undefined && (
        <p className="form-error" role="alert">
          {save.error.message}
        </p>
      )}
      {data === undefined || live === undefined ? (
        <p className="subtle">{error === undefined ? 'Scoring…' : ''}</p>
      ) : data.channels.length === 0 ? (
        <p className="muted">No channels yet. Add channels and link them to this quarter's goals to see where the team's hours should go.</p>
      ) : (
        <div className="prio-scroll">
          <Notices data={data} />
          <div className="prio-grid-top">
            <section className="card prio-card" aria-label="Goal weights">
              <h2 className="panel-title">Goal weights · {data.quarter}</h2>
              <p className="subtle prio-hint">Move a slider to see the ranking change; save when it reflects what matters this quarter.</p>
              <WeightSliders goals={data.goals} weights={weights} onChange={(id, w) => setDrafts((d) => new Map(d).set(id, w))} />
            </section>
            <section className="card prio-card" aria-label="Impact against effort">
              <h2 className="panel-title">Impact against effort</h2>
              <p className="subtle prio-hint">Split at the medians. A dot takes the colour of the goal that gives the channel most of its impact.</p>
              <ImpactScatter ranked={live.ranked} goalIds={goalIds} />
            </section>
          </div>
          <section className="card prio-card" aria-label="Ranking">
            <h2 className="panel-title">Score from the estimates</h2>
            <p className="subtle prio-hint">
              Score = impact points per 100 h of effort. Impact = points of the weighted remaining goal gap a channel closes this quarter, after confidence. Monthly cost counts as
              effort at {data.inputs.options.blendedHourlyRate.toLocaleString()} per hour (workspace profile). Select a channel to see its page.
            </p>
            <RankingTable ranked={live.ranked} goalIds={goalIds} savedRank={savedRank} onOpen={setOpen} />
          </section>
          <section className="card prio-card" aria-label="Where the hours go">
            <h2 className="panel-title">Where the hours go</h2>
            <p className="subtle prio-hint">
              Reach per post from published results (shrunk toward a share of the audience), diminishing returns from each channel’s own history, goals that are met stop
              pulling hours. Bounds are 50–200 % of today’s hours unless a pin with a reason says otherwise.
            </p>
            <BacktestLine />
            <ModelPanel weights={deferredWeights} pins={data.pins} />
          </section>
          <div className="prio-grid-bottom">
            <section className="card prio-card" aria-label="Why the rank changed">
              <h2 className="panel-title">Why the rank changed</h2>
              {dirty && <p className="subtle prio-hint">Compared with the saved weights, not the what-if.</p>}
              <RankChanges data={data} />
            </section>
          </div>
          <section className="card prio-card" aria-label="Estimated, observed and blended rates">
            <h2 className="panel-title">Learning from results</h2>
            <p className="subtle prio-hint">KPI units per 1,000 people reached: the estimate, what published content did in the last 12 months, and the blend the score uses.</p>
            <RatesTable data={data} ranked={live.ranked} />
          </section>
          <AdvicePanel />
        </div>
      )}
      {open !== undefined && <ChannelPage channelId={open} onClose={() => setOpen(undefined)} />}
    </div>
  )
}

function Notices({ data }: { data: ScoreData }) {
  const dupNames = new Map(data.estimates.map((c) => [c.id, c.name]))
  const pairs = data.duplicates.filter((d) => d.duplicateOf.every((o) => o > d.channelId))
  if (data.stale.length === 0 && pairs.length === 0) return null
  return (
    <div className="prio-notices">
      {data.stale.length > 0 && (
        <div className="banner banner-warn" data-testid="stale-notice">
          <div>
          <strong>{data.stale.length} channels have estimates older than 90 days</strong>, so their confidence counts for less until someone reviews them:{' '}
          {data.stale
            .map((s) => `${s.name} (${s.ageDays === null ? 'never dated' : `${s.ageDays} days`}, confidence ${s.confidence.toFixed(2)} → ${s.effectiveConfidence.toFixed(2)})`)
            .join('; ')}
          .
          </div>
        </div>
      )}
      {pairs.map((d) => (
        <div key={d.channelId} className="banner banner-danger" data-testid="duplicate-notice">
          <div>
            <strong>Duplicate channels:</strong> {[d.channelId, ...d.duplicateOf].map((id) => dupNames.get(id) ?? id).join(' and ')} have the same platform and handle. Merge or retire one so
            its hours are not counted twice.
          </div>
        </div>
      ))}
    </div>
  )
}
