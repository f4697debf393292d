/**
 * The exported deck's colours (src/main/backend/deck/deckTheme.ts), repeated here because the
 * renderer cannot import the backend. The preview always draws slides on white, whatever the app's
 * theme, because that is what the PPTX and PDF will look like.
 */
export const slideTheme = {
  background: '#FFFFFF',
  ink: '#1F2430',
  muted: '#6B7280',
  accent: '#7C5CFF',
  rule: '#D1D5DB',
  headFill: '#EEF0F4',
  stripe: '#F7F8FA',
  noteFill: '#F4F1FF',
  series: ['#7C5CFF', '#14B8A6', '#F59E0B', '#EF4444', '#3B82F6'],
  font: "Arial, 'Helvetica Neue', 'DejaVu Sans', sans-serif"
} as const
