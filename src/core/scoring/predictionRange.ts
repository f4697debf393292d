/** A predicted figure as people read it: "0" for what rounds to nothing, whole grouped units from 100, else one decimal. */
export const predictionFigure = (n: number): string =>
  Math.round(n * 10) === 0 ? '0' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString() : (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })

type GoalUnit = { kind: string; unit: string } | undefined

/** After a predicted point: "%" for a rate, the goal's unit for money ("€"); a count's goal name says what it counts. */
export const unitAfter = (g: GoalUnit): string => (g === undefined ? '' : g.kind === 'rate' ? ' %' : g.kind === 'money' && g.unit !== '' ? ` ${g.unit}` : '')

/** "145,497 € (98,100–201,000)": a goal's predicted point with its unit and its 80 % interval; Priorities and `smo score` alike. */
export function predictionRange(r: { point: number; low: number; high: number }, g: GoalUnit): string {
  return `${predictionFigure(r.point)}${unitAfter(g)} (${predictionFigure(r.low)}–${predictionFigure(r.high)})`
}
