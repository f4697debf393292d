import { ApiError } from '../../../core/api/apiError'
import type { ApiOutput } from '../../../core/api/contract'
import type { HandlerTable } from '../handlerTable'
import type { Backend } from '../backend'
import { recordService } from './recordService'
import { deckGoalProgress } from './deckGoalProgress'
import { deckService, parseQuarter } from './deckService'

type Note = ApiOutput<'deck-note-save'>['note']

/** The review deck's methods: handlers.ts spreads this table into the one every host dispatches into. */
export const deckHandlers: Partial<HandlerTable> = {
  'deck-quarters': (b) => deckService.quarters(b),
  'deck-preview': (b, i) => deckService.model(b, i.quarter, i.asOf),
  'deck-export': (b, i) =>
    deckService.export(b, i, (format, fraction, step) =>
      b.events.emit('deck-progress', { exportId: i.exportId ?? null, quarter: i.quarter, format, fraction, step })
    ),
  'deck-file': (b, i) => deckService.file(b, i.name),
  'goal-progress': (b, i) => deckGoalProgress(b, i),
  'deck-note-save': (b, i) => ({ note: saveNote(b, i) })
}

/**
 * One call for the Review screen's note box: new text creates a note, an id changes it, empty text
 * deletes it (a tombstone, so the deletion travels too). All through the record service and the one
 * mutation path.
 */
function saveNote(b: Backend, i: { id?: string; quarter: string; slideKey: string; text: string; author?: string }): Note {
  const q = parseQuarter(i.quarter)
  const text = i.text.trim()
  const author = i.author ?? b.settings.get().deviceName
  if (i.id === undefined) {
    if (text === '') throw new ApiError('invalid_input', 'Write the note or decision first', [{ path: ['text'], message: 'Write the note or decision' }])
    return recordService.create(b, 'deckNote', { quarter: q.key, slideKey: i.slideKey, text, author }) as Note
  }
  if (text === '') {
    recordService.delete(b, 'deckNote', i.id)
    return null
  }
  return recordService.update(b, 'deckNote', { id: i.id, quarter: q.key, slideKey: i.slideKey, text, ...(i.author === undefined ? {} : { author }) }) as Note
}
