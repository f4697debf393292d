export type RateDraft = { code: string; rate: string }

/**
 * The team's exchange rates as rows "1 USD = 0.92 EUR": results exports in another currency are
 * converted with them as they are imported (and refused without one). Edited with the rest of the
 * Team card and saved by its button.
 */
export function ExchangeRatesField({ rows, team, errors, onChange }: { rows: RateDraft[]; team: string; errors: Record<number, string>; onChange: (rows: RateDraft[]) => void }) {
  const set = (i: number, patch: Partial<RateDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const teamCode = team.trim().toUpperCase() || 'the team’s currency'
  return (
    <fieldset className="field rates" data-testid="exchange-rates">
      <legend>Exchange rates</legend>
      <p className="field-help subtle">
        What one unit of another currency is worth in {teamCode}. A CRM export in that currency is converted as it is imported; without a rate it is refused, never summed with {teamCode}.
      </p>
      {rows.length === 0 && <p className="subtle small">No rates: every export is taken to be in {teamCode}.</p>}
      {rows.map((r, i) => (
        <div className="rate-row" key={i} data-testid="rate-row">
          <span>1</span>
          <input
            className="input rate-code"
            aria-label={`Currency of rate ${i + 1}`}
            placeholder="USD"
            maxLength={3}
            value={r.code}
            aria-invalid={errors[i] !== undefined}
            onChange={(e) => set(i, { code: e.target.value.toUpperCase() })}
          />
          <span>=</span>
          <input
            className="input rate-value"
            aria-label={`What 1 ${r.code || 'unit'} is worth in ${teamCode}`}
            inputMode="decimal"
            placeholder="0.92"
            value={r.rate}
            aria-invalid={errors[i] !== undefined}
            onChange={(e) => set(i, { rate: e.target.value })}
          />
          <span>{teamCode}</span>
          <button type="button" className="btn btn-sm" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove the ${r.code || 'empty'} rate`}>
            Remove
          </button>
          {errors[i] !== undefined && (
            <p className="field-error" data-testid="rate-error">
              {errors[i]}
            </p>
          )}
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, { code: '', rate: '' }])} data-testid="rate-add">
        Add a rate
      </button>
    </fieldset>
  )
}
