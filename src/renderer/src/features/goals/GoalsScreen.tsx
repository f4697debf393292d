import { outcomeMetric } from '../../../../core/domain/outcome'
import { lazy, Suspense, useMemo, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { useRecords } from '../../api/useRecords'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { format } from '../../components/format'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { useNames } from '../records/useNames'
import { goalProgress } from './goalProgress'
import { ResultsImport } from '../links/ResultsImport'

// ECharts is most of the bundle; load it when a chart is first shown, not at start-up.
const GoalChart = lazy(() => import('./GoalChart').then((m) => ({ default: m.GoalChart })))
const GoalProgressCards = lazy(() => import('./GoalProgressCards').then((m) => ({ default: m.GoalProgressCards })))

type Goal = KindRecord<'goal'>
type Measurement = KindRecord<'measurement'>

const goalFields: readonly FieldSpec[] = [
  { name: 'objective', label: 'Objective', input: 'text', wide: true },
  { name: 'driver', label: 'Business driver', input: 'select', options: enums.driver.options },
  { name: 'quarter', label: 'Quarter', input: 'text', help: 'Like 2026-Q4' },
  { name: 'kpiName', label: 'KPI', input: 'text', help: 'What is counted, e.g. "Qualified leads"' },
  { name: 'kpiUnit', label: 'KPI unit', input: 'text', help: 'leads, %, mentions…' },
  { name: 'kind', label: 'Kind', input: 'select', options: enums.goalKind.options, help: 'Count or total, rate in % (0–100), or money' },
  { name: 'baseline', label: 'Baseline', input: 'number' },
  { name: 'target', label: 'Target', input: 'number', help: 'Empty = no target (tracked only)' },
  { name: 'stretchTarget', label: 'Stretch target', input: 'number', help: 'Optional; once the target is met, hours go on toward this' },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member' },
  { name: 'priority', label: 'Priority (1–5)', input: 'number' },
  { name: 'weight', label: 'Scoring weight', input: 'number', help: 'How much this goal counts in channel scores' },
  { name: 'resultsMetric', label: 'Progress from results', input: 'select', options: outcomeMetric.options, help: 'Take progress from imported analytics and CRM results (Import results, or smo results); empty = measurements typed in' },
  { name: 'notes', label: 'Notes', input: 'textarea' }
]

const measurementFields: readonly FieldSpec[] = [
  { name: 'date', label: 'Date', input: 'date' },
  { name: 'value', label: 'Value', input: 'number' },
  { name: 'source', label: 'Source', input: 'text', help: 'Where the number comes from (CRM, analytics…)' },
  { name: 'note', label: 'Note', input: 'textarea' }
]

const measurementColumns: DataColumn<Measurement>[] = [
  col.date('date', 'Date', (m) => m.date),
  col.number('value', 'Value', (m) => m.value),
  col.text('source', 'Source', (m) => m.source, { width: 140 }),
  col.text('note', 'Note', (m) => m.note, { width: 260 })
]

export function GoalsScreen() {
  const members = useNames('member')
  const goals = useRecords('goal')
  const measurements = useRecords('measurement')
  const [selected, setSelected] = useState<Goal | undefined>(undefined)
  const [view, setView] = useState<'progress' | 'records'>('progress')
  const progress = useMemo(() => goalProgress(goals.data?.items ?? [], measurements.data?.items ?? []), [goals.data, measurements.data])

  const goalColumns = useMemo<DataColumn<Goal>[]>(
    () => [
      col.text('objective', 'Objective', (g) => g.objective, { width: 250 }),
      col.enum('driver', 'Driver', (g) => g.driver, enums.driver.options, { width: 150 }),
      col.text('quarter', 'Quarter', (g) => g.quarter, { width: 95 }),
      col.text('kpi', 'KPI', (g) => (g.kpiUnit === '' ? g.kpiName : `${g.kpiName} (${g.kpiUnit})`), { width: 200 }),
      col.number('baseline', 'Baseline', (g) => g.baseline, { width: 95 }),
      col.number('target', 'Target', (g) => g.target, { width: 95 }),
      col.number('latest', 'Latest', (g) => progress.get(g.id)?.value, { width: 95 }),
      col.percent('progress', 'Progress', (g) => progress.get(g.id)?.progress, {
        width: 130,
        render: (g) => <ProgressBar value={progress.get(g.id)?.progress} />
      }),
      col.ref('owner', 'Owner', (g) => g.ownerId, members.map, { width: 150 }),
      col.number('priority', 'Priority', (g) => g.priority, { width: 85 }),
      col.number('weight', 'Weight', (g) => g.weight, { hidden: true, width: 85 })
    ],
    [members.map, progress]
  )

  const where = useMemo(() => (selected === undefined ? undefined : [{ field: 'goalId', op: 'eq' as const, value: selected.id }]), [selected])
  const presets = useMemo(() => (selected === undefined ? undefined : { goalId: selected.id }), [selected])

  return (
    <div className="screen">
      <ScreenHeader
        title="Goals"
        description="What the team's work serves, with KPI, baseline and target per quarter. Select a goal to see and record its measurements."
        actions={
          <div className="segmented" role="radiogroup" aria-label="Goals view">
            {(['progress', 'records'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="goals-view" value={v} checked={view === v} onChange={() => setView(v)} />
                {v === 'progress' ? 'Progress' : 'Records'}
              </label>
            ))}
          </div>
        }
      />
      <ResultsImport />
      {view === 'progress' && (
        <Suspense fallback={<p className="muted">Loading goal progress…</p>}>
          <GoalProgressCards onAddGoal={() => setView('records')} />
        </Suspense>
      )}
      <div className="split" style={view === 'records' ? undefined : { display: 'none' }}>
        <section className="panel" aria-label="Goals">
          <RecordTable kind="goal" tableId="goals" columns={goalColumns} fields={goalFields} refOptions={{ member: members.options }} initialSort={[{ id: 'quarter', desc: true }]} onActiveChange={setSelected} />
        </section>
        <div className="split-bottom">
          <section className="panel" aria-label="Measurements">
            <h2 className="panel-title">
              Measurements{selected !== undefined && <span className="muted"> · {selected.kpiName}</span>}
            </h2>
            <RecordTable
              kind="measurement"
              tableId="goal-measurements"
              columns={measurementColumns}
              fields={measurementFields}
              refOptions={{}}
              where={where}
              presets={presets}
              initialSort={[{ id: 'date', desc: true }]}
              disabledReason={selected === undefined ? <p className="muted">Select a goal above to see its measurements.</p> : undefined}
            />
          </section>
          <section className="panel card chart-card" aria-label="Goal progress chart">
            {selected === undefined ? (
              <p className="muted chart-empty">The selected goal's KPI over time appears here.</p>
            ) : (
              <>
                <h2 className="panel-title">{selected.objective}</h2>
                <p className="subtle">
                  Baseline {format.number(selected.baseline)} → target {format.number(selected.target)} {selected.kpiUnit}
                </p>
                <Suspense fallback={<p className="subtle">Loading chart…</p>}>
                  <GoalChart goal={selected} measurements={measurements.data?.items ?? []} />
                </Suspense>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  )
}

function ProgressBar({ value }: { value: number | undefined }) {
  if (value === undefined) return <span className="subtle">No data</span>
  const pct = Math.max(0, Math.min(1, value))
  return (
    <span className="progress" title={format.percent(value)}>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${pct * 100}%` }} />
      </span>
      <span className="num">{format.percent(value)}</span>
    </span>
  )
}
