import type { History } from './useHistory'

/**
 * The planners' Undo and Redo buttons. While a step runs the button says so and the other waits: the
 * undo of a 100,000-row import takes seconds, and a button that looked untouched invited a second click.
 */
export function UndoRedo({ history }: { history: History }) {
  const { running } = history
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={history.undo} disabled={!history.canUndo || running !== null} aria-busy={running === 'undo'} title={history.next ? `Undo ${history.next} (Ctrl+Z)` : 'Nothing to undo'} data-testid="undo">
        {running === 'undo' ? 'Undoing…' : 'Undo'}
      </button>
      <button type="button" className="btn btn-sm" onClick={history.redo} disabled={!history.canRedo || running !== null} aria-busy={running === 'redo'} title="Redo (Shift+Ctrl+Z)" data-testid="redo">
        {running === 'redo' ? 'Redoing…' : 'Redo'}
      </button>
    </>
  )
}
