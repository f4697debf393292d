/**
 * WCAG 2.x contrast between two opaque sRGB colours written `#rrggbb` (or `#rgb`). Used by the token
 * check (test/renderer/tokenContrast.test.ts) and by labelColorOn for colours people pick.
 */
function channels(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (m === null) throw new Error(`Not a #rrggbb colour: "${hex}"`)
  const h = m[1] ?? ''
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const at = (i: number): number => parseInt(full.slice(i, i + 2), 16) / 255
  return [at(0), at(2), at(4)]
}

/** Relative luminance (WCAG 2.x definition, sRGB). */
function luminance(hex: string): number {
  const lin = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  const [r, g, b] = channels(hex)
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** The contrast ratio, 1 to 21, whichever colour is lighter. */
function ratio(a: string, b: string): number {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

export const contrast = { ratio, luminance }
