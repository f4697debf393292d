/**
 * A value axis that must show some values (a goal's baseline and target beside its data), widened to
 * whole steps of 1, 2 or 5 × 10ⁿ. ECharts puts a label on an axis's own minimum and maximum as well as
 * on its ticks, so an axis from 64 to 85 drew "64" and "65" on top of each other; from 60 to 85 in
 * steps of 5 every label has its place. About `ticks` intervals (`interval`, for the axis to tick at);
 * an axis of one value gets one step around it.
 */
export function niceAxisBounds(values: readonly number[], ticks = 5): { min: number; max: number; interval: number } {
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return { min: 0, max: 1, interval: 0.2 }
  let lo = Math.min(...finite)
  let hi = Math.max(...finite)
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10
    lo -= pad
    hi += pad
  }
  const raw = (hi - lo) / ticks
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  // Rounded to the step's own decimals: 0.1 × 3 is 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  const round = (n: number) => Number(n.toFixed(decimals))
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step), interval: step }
}
