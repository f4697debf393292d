// Black, not a softer near-black: it is what lets every colour reach 4.5:1 with one of the two.
const DARK = '#000000'
const LIGHT = '#ffffff'

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const h = m[1] ?? ''
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

/**
 * The label colour for text on a colour someone picked (a campaign bar): dark or light, whichever
 * contrasts more (WCAG 2 relative luminance), so a light lavender gets dark text and a deep blue white.
 * A colour that is not #rgb/#rrggbb gets the dark text on the assumption of a light chip.
 */
export function readableText(background: string): string {
  const l = luminance(background)
  if (l === null) return DARK
  const onLight = (l + 0.05) / ((luminance(DARK) ?? 0) + 0.05)
  const onDark = 1.05 / (l + 0.05)
  return onLight >= onDark ? DARK : LIGHT
}
