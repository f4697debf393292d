import type { KeyboardEvent } from 'react'

/**
 * The board's keyboard model (WAI-ARIA APG grid pattern, one Tab stop for the whole board). The grid's
 * rows are the status columns (their header names the status), the cards its cells:
 *   ↑/↓ the previous/next card of the column, ←/→ the nearest card in the next column that has any,
 *   Home/End the first/last card of the column, Ctrl+Home/End the first/last card of the board;
 *   Enter or Space opens the card; Alt+←/→ (or Shift+←/→) moves it a column, through the same write
 *   as a drag (one undo step); M or Shift+F10 opens its menu (Move to column, owner, channel).
 */
export type BoardKeyActions = {
  focusCard: (card: HTMLElement) => void
  open: (id: string) => void
  step: (id: string, by: number) => void
}

const CARD = '[data-testid="board-card"]'

export function boardKeys(e: KeyboardEvent<HTMLElement>, a: BoardKeyActions): void {
  if (!(e.target instanceof HTMLElement)) return
  const card = e.target
  if (!card.matches(CARD)) return
  const id = card.dataset.id ?? ''
  const cols = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-testid="board-col"]')].map((c) => [...c.querySelectorAll<HTMLElement>(CARD)])
  const ci = cols.findIndex((c) => c.includes(card))
  const col = cols[ci] ?? []
  const i = col.indexOf(card)
  const go = (el: HTMLElement | undefined) => {
    e.preventDefault()
    if (el) a.focusCard(el)
  }
  const sideways = (dir: number) => {
    for (let c = ci + dir; c >= 0 && c < cols.length; c += dir) {
      const other = cols[c] ?? []
      if (other.length > 0) return go(other[Math.min(i, other.length - 1)])
    }
    e.preventDefault()
  }
  if ((e.altKey || e.shiftKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
    e.preventDefault()
    return a.step(id, e.key === 'ArrowLeft' ? -1 : 1)
  }
  if ((e.key === 'm' || e.key === 'M' || (e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') && !e.ctrlKey && !e.metaKey) {
    e.preventDefault()
    card.querySelector<HTMLElement>('[data-testid="card-menu"]')?.click()
    return
  }
  const all = cols.flat()
  switch (e.key) {
    case 'ArrowUp':
      return go(col[Math.max(0, i - 1)])
    case 'ArrowDown':
      return go(col[Math.min(col.length - 1, i + 1)])
    case 'ArrowLeft':
      return sideways(-1)
    case 'ArrowRight':
      return sideways(1)
    case 'Home':
      return go(e.ctrlKey || e.metaKey ? all[0] : col[0])
    case 'End':
      return go(e.ctrlKey || e.metaKey ? all[all.length - 1] : col[col.length - 1])
    case 'Enter':
    case ' ':
      e.preventDefault()
      return a.open(id)
  }
}
