import { useEffect, useId, useRef, useState } from 'react'

type Props = {
  columns: { id: string; header: string; visible: boolean }[]
  onToggle: (id: string, visible: boolean) => void
  onReset: () => void
}

/** "Columns" button with a popover of checkboxes; Esc or a click outside closes it. */
export function ColumnMenu({ columns, onToggle, onReset }: Props) {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    rootRef.current?.querySelector<HTMLInputElement>('input')?.focus()
    const onDown = (e: PointerEvent): void => {
      if (rootRef.current !== null && !rootRef.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const visibleCount = columns.filter((c) => c.visible).length

  return (
    <div
      className="colmenu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
          buttonRef.current?.focus()
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="column-menu"
        onClick={() => setOpen((o) => !o)}
      >
        Columns <span className="subtle">{visibleCount}/{columns.length}</span>
      </button>
      {open && (
        <div className="colmenu-pop card" id={menuId} role="group" aria-label="Visible columns">
          {columns.map((c) => (
            <label key={c.id} className="colmenu-item">
              <input
                type="checkbox"
                checked={c.visible}
                // The last visible column stays: a table with no columns has nothing to navigate.
                disabled={c.visible && visibleCount === 1}
                onChange={(e) => onToggle(c.id, e.target.checked)}
              />
              {c.header}
            </label>
          ))}
          <button type="button" className="btn btn-ghost colmenu-reset" onClick={onReset}>
            Reset to default
          </button>
        </div>
      )}
    </div>
  )
}
