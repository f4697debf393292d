/**
 * Every foreground/background pair of theme tokens the app draws (styles/theme.css), with the WCAG AA
 * minimum it must meet in the light AND the dark theme. test/renderer/tokenContrast.test.ts checks each
 * one against the values in theme.css, so a token change that makes text unreadable fails a test.
 * Add a pair here when a stylesheet puts a token colour on a token background in a new way.
 */
export type TokenPair = { fg: string; bg: string; min: 4.5 | 3; where: string }

const text = 4.5
const ui = 3

/** The backgrounds body text can sit on: the page, cards, table headers, hovered and selected rows. */
const surfaces = ['bg', 'surface', 'surface-2', 'surface-hover', 'row-active', 'accent-soft'] as const

export const tokenPairs: readonly TokenPair[] = [
  ...(['text', 'text-2', 'text-3'] as const).flatMap((fg) => surfaces.map((bg) => ({ fg, bg, min: text, where: `${fg} text on ${bg}` }) satisfies TokenPair)),
  ...(['bg', 'surface', 'surface-2', 'surface-hover', 'accent-soft'] as const).map((bg) => ({ fg: 'accent', bg, min: text, where: 'links, the current screen in the navigation, accent badges' }) satisfies TokenPair),
  { fg: 'accent-text', bg: 'accent', min: text, where: 'primary buttons, today in the calendar, filter counts' },
  { fg: 'accent-text', bg: 'accent-hover', min: text, where: 'a hovered primary button' },
  { fg: 'surface', bg: 'danger', min: text, where: 'the solid delete button' },
  ...(['bg', 'surface', 'danger-soft'] as const).map((bg) => ({ fg: 'danger', bg, min: text, where: 'errors, field errors, danger badges and banners' }) satisfies TokenPair),
  ...(['bg', 'surface', 'warn-soft'] as const).map((bg) => ({ fg: 'warn', bg, min: text, where: 'warnings, cadence marks, warn badges' }) satisfies TokenPair),
  ...(['bg', 'surface', 'ok-soft'] as const).map((bg) => ({ fg: 'ok', bg, min: text, where: 'ok badges, the approval stamp' }) satisfies TokenPair),
  ...surfaces.map((bg) => ({ fg: 'focus', bg, min: ui, where: 'the keyboard focus ring' }) satisfies TokenPair),
  ...(['bg', 'surface', 'surface-2'] as const).map((bg) => ({ fg: 'control-border', bg, min: ui, where: 'the edge of text fields and selects' }) satisfies TokenPair),
  ...(['surface', 'surface-2'] as const).map((bg) => ({ fg: 'accent', bg, min: ui, where: 'progress bars, the selected-item outline' }) satisfies TokenPair)
]
