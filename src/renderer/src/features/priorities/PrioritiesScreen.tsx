import { useDeferredValue, useMemo, useState } from 'react'
import type { KindName } from '../../../../core/domain/recordKinds'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import { ScreenHeader } from '../records/ScreenHeader'
import { ChannelPage } from '../channels/ChannelPage'
import { PinDialog } from './PinDialog'
import { AdvicePanel } from './AdvicePanel'
import { BacktestLine } from './BacktestLine'
import { savedWeights, type ScoreData } from './computePriorities'
import { GoalPredictions } from './GoalPredictions'
import { ModelComparisons } from './ModelComparisons'
import { ModelPanel, useModel } from './ModelPanel'
import { ModelRates } from './ModelRates'
import { ModelTable } from './ModelTable'
import { PlanQuarter } from './PlanQuarter'
import { RankChanges } from './RankChanges'
import { WeightSliders } from './WeightSliders'
import './priorities.css'

/** Everything a score is built from; a change to any of them reloads the inputs. */
const DEPENDS: KindName[] = ['channel', 'goal', 'measurement', 'content', 'member', 'pin', 'scoreSnapshot']

export function PrioritiesScreen() {
  // Unset: the quarter under way (the backend's choice); else a later quarter with goals.
  const [planned, setPlanned] = useState<string | undefined>(undefined)
  const { data, error } = useQuery('score-list', planned === undefined ? {} : { quarter: planned }, { dependsOn: DEPENDS })
  const later = data !== undefined && data.quarter !== data.quarters[0]
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

  // The model runs in the backend: a slider asks again once the hand rests (deferred), not on every step.
  const deferredWeights = useDeferredValue(weights)
  const model = useModel(deferredWeights, planned)
  const flags = useMemo(() => new Map((data?.channels ?? []).map((c) => [c.id, c.flags])), [data])
  const unmoved = useMemo(() => new Set((model.data?.goals ?? []).filter((g) => !g.predicted).map((g) => g.goalId)), [model.data])
  const [pinning, setPinning] = useState<{ id: string; name: string; hours: number } | undefined>(undefined)

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
        description="Where the team's next hour should go: channels ranked by what it adds to this quarter's goals, from the team's own results. The model advises and explains; people decide."
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
      {data === undefined ? (
        <p className="subtle">{error === undefined ? 'Scoring…' : ''}</p>
      ) : data.channels.length === 0 ? (
        <p className="muted" data-testid="priorities-empty">
          No channels yet. Add <a href="#/channels">channels</a> and link them to this quarter's <a href="#/goals">goals</a> to see where the team's hours should go.
        </p>
      ) : (
        <div className="prio-scroll">
          <Notices data={data} />
          <div className="prio-grid-top">
            <section className="card prio-card" aria-labelledby="prio-weights-title">
              <h2 className="panel-title" id="prio-weights-title">
                Goal weights · {data.quarter}
              </h2>
              <PlanQuarter asOf={data.asOf} shown={data.quarter} quarters={data.quarters} onChange={(q) => setPlanned(q === data.quarters[0] ? undefined : q)} />
              <p className="subtle prio-hint">Move a slider to see the ranking change; save when it reflects what matters this quarter.</p>
              <WeightSliders goals={data.goals} weights={weights} unmoved={unmoved} onChange={(id, w) => setDrafts((d) => new Map(d).set(id, w))} />
            </section>
            <section className="card prio-card" aria-labelledby="prio-goals-title">
              <h2 className="panel-title" id="prio-goals-title">
                What the goals get
              </h2>
              <p className="subtle prio-hint">
                Predicted over {later ? `the whole of ${data.quarter}` : 'what is left of each goal’s quarter'} (80 % range), at today’s plan and at the recommendation below.
              </p>
              {model.data === undefined ? <p className="subtle">Running the model…</p> : <GoalPredictions data={model.data} />}
            </section>
          </div>
          <section className="card prio-card" aria-labelledby="prio-hours-title">
            <h2 className="panel-title" id="prio-hours-title">
              Where the hours go
            </h2>
            <p className="subtle prio-hint">
              Ranked by what a channel’s next hour adds to the goals. Reach per post from published results (shrunk toward a share of the audience), diminishing returns from each
              channel’s own history, goals that are met stop pulling hours. Bounds are 50–200 % of today’s hours unless a pin with a reason says otherwise. Select a channel to see its page.
            </p>
            <BacktestLine />
            <ModelPanel model={model} />
            {model.data !== undefined && (
              <>
                <ModelTable data={model.data} pins={data.pins} flags={flags} onOpen={setOpen} onPin={setPinning} />
                <p className="subtle prio-hint">{model.data.stability.method}</p>
              </>
            )}
          </section>
          {model.data !== undefined && <ModelComparisons data={model.data} />}
          {model.data !== undefined && (
            <section className="card prio-card" aria-labelledby="prio-rates-title">
              <h2 className="panel-title" id="prio-rates-title">
                Learning from results
              </h2>
              <p className="subtle prio-hint">The estimate, what published content did in the last 12 months, and the blend the model uses, with its spread.</p>
              <ModelRates data={model.data} />
            </section>
          )}
          <section className="card prio-card" aria-labelledby="prio-changes-title">
            <h2 className="panel-title" id="prio-changes-title">
              Estimate scores since a snapshot
            </h2>
            <p className="subtle prio-hint">
              Snapshots keep the score from the estimates (RICE tied to the goals), not the model above: this says which estimate or goal input moved a channel since then.
              {dirty && ' Compared with the saved weights, not the what-if.'}
            </p>
            {later ? <p className="subtle">Snapshots keep the quarter under way ({data.quarters[0]}); choose it above to compare.</p> : <RankChanges data={data} />}
          </section>
          <AdvicePanel />
        </div>
      )}
      {pinning !== undefined && <PinDialog channelId={pinning.id} channelName={pinning.name} currentHours={pinning.hours} onClose={() => setPinning(undefined)} />}
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
