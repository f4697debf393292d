import { labelOf } from '../domain/enums'

/**
 * The words for a desk value (type, state, sentiment, hand-off outcome): the app's label when it has
 * one, else the value made readable ('in_progress' → 'In progress'), so a value added later never
 * shows on screen or on a slide as a raw enum.
 */
export function deskLabel(value: string): string {
  const l = labelOf(value)
  if (l !== value) return l
  const words = value.replace(/[_-]+/g, ' ').trim()
  return words === '' ? value : words.charAt(0).toUpperCase() + words.slice(1)
}
