import { useEffect, useId, useRef, type ReactNode } from 'react'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** A side drawer for forms, a small centred box for confirmations. */
  variant?: 'drawer' | 'modal'
  testId?: string
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside)
 * and turns Esc into a `cancel` event, which we route to onClose so React state stays the truth.
 * Mount it to open it; focus returns to where it was when it unmounts.
 */
export function Dialog({ title, onClose, children, variant = 'drawer', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog !== null && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      before?.focus({ preventScroll: true })
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${variant}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Esc in a nested confirmation closes only that one.
        e.preventDefault()
        e.stopPropagation()
        onClose()
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose()
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost dialog-close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
