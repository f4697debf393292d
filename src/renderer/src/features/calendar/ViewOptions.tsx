import type { ColorBy, DateField, PlannerState } from './usePlannerState'

type Props = { state: PlannerState; update: (p: Partial<PlannerState>) => void }

/**
 * Which date places an item and what its colour means. They sit beside the legend they explain
 * (not in the toolbar), which also keeps the toolbar on one line at 1400 px.
 */
export function ViewOptions({ state, update }: Props) {
  return (
    <div className="view-options">
      <label className="small">
        Show by{' '}
        <select className="select select-sm" value={state.dateField} onChange={(e) => update({ dateField: e.target.value as DateField })} data-testid="date-field">
          <option value="planned">Planned date</option>
          <option value="publish">Publish time</option>
          <option value="due">Deadline</option>
        </select>
      </label>
      <label className="small">
        Colour by{' '}
        <select className="select select-sm" value={state.colorBy} onChange={(e) => update({ colorBy: e.target.value as ColorBy })} data-testid="color-by">
          <option value="channel">Channel</option>
          <option value="campaign">Campaign</option>
          <option value="pillar">Pillar</option>
          <option value="status">Status</option>
        </select>
      </label>
    </div>
  )
}
