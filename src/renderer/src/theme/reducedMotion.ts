const query = '(prefers-reduced-motion: reduce)'

/**
 * Whether the system asks for reduced motion. CSS handles stylesheets (styles/base.css); script-driven
 * animation reads this when it builds its options, e.g. ECharts: `animation: !reducedMotion.active`.
 * A getter, not a constant, so a chart built after the user flips the setting follows it.
 */
export const reducedMotion = {
  query,
  get active(): boolean {
    return typeof matchMedia === 'function' && matchMedia(query).matches
  }
}
