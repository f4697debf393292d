import type { ApiOutput } from '../../../core/api/contract'

type Backtest = ApiOutput<'score-backtest'>

const fmt = (n: number | null, digits = 2): string => (n === null ? 'n/a' : n.toFixed(digits))
const num = (n: number | null): string => (n === null ? '—' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1))

/** `smo score --backtest` as a person reads it: the verdict, the three methods side by side, then each quarter. */
export function printBacktest(r: Backtest): void {
  console.log(`How good has this advice been? (as of ${r.asOf})`)
  console.log(r.summary)
  if (r.insufficient !== null) return
  console.log('')
  console.log('Method                  median ×off   rank ρ   goal-quarters')
  const rows: [string, Backtest['methods']['model']][] = [
    ['model', r.methods.model],
    ['model, uncalibrated', r.methods.uncalibrated],
    ['same as last quarter', r.methods.lastQuarter]
  ]
  for (const [name, m] of rows) console.log(`${name.padEnd(22)} ${fmt(m.medianRatio).padStart(12)} ${fmt(m.rankCorrelation).padStart(8)} ${String(m.compared).padStart(15)}`)
  if (r.methods.model.coverage !== null) console.log(`The actual result fell inside the model's 80 % interval in ${Math.round(r.methods.model.coverage * 100)} % of goal-quarters.`)
  for (const q of r.quarters) {
    console.log('')
    console.log(`${q.quarter}`)
    for (const g of q.goals)
      console.log(`  ${g.name.slice(0, 44).padEnd(44)} predicted ${num(g.predicted)} (${num(g.low)}–${num(g.high)})${g.kind === 'rate' ? ' %' : ''}, actual ${num(g.actual)}, last quarter ${num(g.lastQuarter)}`)
  }
}
