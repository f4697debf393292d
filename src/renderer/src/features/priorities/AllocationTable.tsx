import { useState } from 'react'
import type { Allocation, TargetPlan } from '../../../../core/scoring'
import { api } from '../../api/client'
import type { ScoreData } from './computePriorities'
import { glossary } from '../../components/glossary'
import { Term } from '../../components/Term'
import { PinDialog } from './PinDialog'

type Props = {
  allocation: Allocation
  targets: TargetPlan
  pins: ScoreData['pins']
  capacity: number
  capacityFromMembers: number
  activeMembers: number
  onCapacity: (hours: number | undefined) => void
}

const h = (n: number): string => (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })
const signed = (n: number): string => (Math.abs(n) < 0.05 ? '±0' : `${n > 0 ? '+' : '−'}${h(Math.abs(n))}`)

/** "Where the hours go": the recommended split of the week, its marginal values, and the pins with their reasons. */
export function AllocationTable({ allocation, targets, pins, capacity, capacityFromMembers, activeMembers, onCapacity }: Props) {
  const [pinning, setPinning] = useState<{ id: string; name: string; hours: number } | undefined>(undefined)
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const pinByChannel = new Map(pins.map((p) => [p.channelId, p]))
  const next = allocation.channels.find((c) => c.id === allocation.nextHourGoesTo)
  return (
    <>
      <div className="prio-capacity">
        <label htmlFor="prio-capacity">Team capacity</label>
        <input
          id="prio-capacity"
          className="input num"
          type="number"
          min={0}
          step={1}
          value={draft ?? String(capacity)}
          data-testid="capacity-input"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit()}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span>h/week</span>
        <span className="subtle">
          {activeMembers} active members give {h(capacityFromMembers)} h/week
          {capacity !== capacityFromMembers && (
            <>
              {' · '}
              <button type="button" className="prio-linkish" onClick={() => (setDraft(undefined), onCapacity(undefined))}>
                use that
              </button>
            </>
          )}
        </span>
      </div>
      <div className="prio-table-wrap">
        <table className="prio-table" data-testid="allocation">
          <thead>
            <tr>
              <th>Channel</th>
              <th className="num">Today h/wk</th>
              <th className="num">Recommended</th>
              <th className="num">Change</th>
              <th className="num">Posts/wk</th>
              <th className="num" title="Impact points one more hour a week would add to this channel">+1 h adds</th>
              <th>
                <Term id="pin" />
              </th>
            </tr>
          </thead>
          <tbody>
            {allocation.channels.map((c) => {
              const pin = pinByChannel.get(c.id)
              return (
                <tr key={c.id} data-testid="allocation-row" data-channel-id={c.id} data-hours={c.hours} className={c.excluded ? 'prio-excluded' : undefined}>
                  <td>{c.name}</td>
                  <td className="num">{h(c.currentHours)}</td>
                  <td className="num prio-strong">{h(c.hours)}</td>
                  <td className={`num ${c.deltaHours > 0.05 ? 'prio-plus' : c.deltaHours < -0.05 ? 'prio-minus' : 'subtle'}`}>{signed(c.deltaHours)}</td>
                  <td className="num">
                    {h(c.currentPostsPerWeek)} → {h(c.postsPerWeek)}
                  </td>
                  <td className="num">{c.marginalValue.toFixed(2)}</td>
                  <td className="prio-pin-cell">
                    {pin === undefined ? (
                      <button type="button" className="btn btn-ghost prio-small" data-testid="pin-create" title={`${glossary.pin.term}: ${glossary.pin.meaning}`} onClick={() => setPinning({ id: c.id, name: c.name, hours: c.currentHours })}>
                        Pin…
                      </button>
                    ) : (
                      <span className="prio-pin" data-testid="pin-shown">
                        <span className={pin.exclude ? 'badge badge-danger' : 'badge badge-accent'}>{pin.exclude ? 'Excluded' : `≥ ${h(pin.minHours)} h`}</span>
                        <span className="prio-pin-reason" title={pin.reason}>
                          {pin.reason}
                        </span>
                        <button type="button" className="btn btn-ghost prio-small" aria-label={`Remove the pin on ${c.name}`} data-testid="pin-remove" onClick={() => void api.records('pin').delete(pin.id)}>
                          Remove
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="prio-facts">
        <p>
          <strong className="num">{h(allocation.allocatedHours)}</strong> of {h(allocation.capacityHours)} h/week planned (today {h(allocation.currentHours)} h); expected impact{' '}
          <strong className="num">{allocation.currentImpact.toFixed(0)} → {allocation.impact.toFixed(0)}</strong> points.
          {next !== undefined && (
            <>
              {' '}
              One more hour of capacity adds <strong className="num">{allocation.teamMarginalValue.toFixed(2)}</strong> points and would go to {next.name}.
            </>
          )}
        </p>
        <p className="subtle">{targets.statement}</p>
        {allocation.warnings.map((w) => (
          <p key={w} className="prio-warning">
            {w}
          </p>
        ))}
      </div>
      {pinning !== undefined && <PinDialog channelId={pinning.id} channelName={pinning.name} currentHours={pinning.hours} onClose={() => setPinning(undefined)} />}
    </>
  )

  function commit(): void {
    if (draft === undefined) return
    const n = Number(draft)
    if (draft.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 10_000) onCapacity(n)
    setDraft(undefined)
  }
}
