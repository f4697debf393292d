import { contrast } from './contrast'

const dark = '#000000'
const light = '#ffffff'

/**
 * The text colour for a label drawn on a colour somebody picked (a campaign's bar, a channel's tag):
 * black or white, whichever contrasts more. One of the two always reaches 4.5:1 (the worst case, a
 * background of luminance ≈ 0.18, still gives 4.58:1), so no pick makes its label unreadable.
 * Use it wherever a user's colour is a background, and draw that background opaque (no opacity), or
 * the colour under the label is not the one checked here.
 */
export function labelColorOn(background: string): string {
  return contrast.ratio(dark, background) >= contrast.ratio(light, background) ? dark : light
}
