import { z } from 'zod'
import { primitives as p } from './primitives'
import { recordKind } from './recordKind'

/**
 * A decision or note the team typed on one slide of one quarter's review deck. It is a replicated
 * record like the others, so a note written on one laptop reaches the colleague who presents the
 * deck; the deck prints it on its slide and gathers all of them on the "Decisions and notes" slide.
 * Slide keys are the deck model's stable keys ('summary', 'goal:<goalId>', 'hours'…).
 */
export const deckNote = recordKind({
  kind: 'deckNote',
  table: 'deck_note',
  label: 'Deck note',
  plural: 'Deck notes',
  fields: z.object({
    quarter: p.quarter,
    slideKey: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(120, 'At most 120 characters')
      .regex(/^[a-z][a-z-]*(:[0-9A-Za-z_-]+)?$/, 'Use a slide key like summary or goal:<goal id>'),
    text: z.string().trim().min(1, 'Write the note or decision').max(2000, 'At most 2,000 characters'),
    author: p.text(120)
  }),
  defaults: { author: '' },
  required: ['quarter', 'slideKey', 'text'],
  refs: {},
  search: ['text', 'author'],
  title: 'text'
})

export type DeckNoteRecord = z.infer<typeof deckNote.fields> & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }
