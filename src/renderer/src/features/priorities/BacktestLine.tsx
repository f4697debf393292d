import { useQuery } from '../../api/useQuery'

/**
 * "How good has this advice been": the backtest's one sentence (past quarters predicted from what was
 * known before each, against what happened), so the ranking above is read with its track record.
 * The per-quarter table is `smo score --backtest`.
 */
export function BacktestLine() {
  const r = useQuery('score-backtest', {})
  if (r.data === undefined) return null
  const m = r.data.methods.model
  return (
    <p className="subtle prio-hint" data-testid="backtest-line">
      <strong>How good has this advice been?</strong> {r.data.summary}
      {r.data.insufficient === null && m.coverage !== null && m.coverage < 0.6 && ' Read the ranges as narrower than they should be.'}
    </p>
  )
}
