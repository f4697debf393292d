/**
 * Colours and fonts of the exported deck, shared by the PPTX and PDF writers so both look alike.
 * Hex without '#', as pptxgenjs wants; the PDF writer adds it.
 */
export const deckTheme = {
  background: 'FFFFFF',
  ink: '1F2430',
  muted: '6B7280',
  accent: '7C5CFF',
  rule: 'D1D5DB',
  headFill: 'EEF0F4',
  stripe: 'F7F8FA',
  noteFill: 'F4F1FF',
  series: ['7C5CFF', '14B8A6', 'F59E0B', 'EF4444', '3B82F6'],
  /** PowerPoint substitutes a font it lacks; Arial is everywhere and covers the common scripts. */
  pptxFont: 'Arial'
} as const
