import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** A side drawer for forms, a small centred box for confirmations. */
  variant?: 'drawer' | 'modal'
  testId?: string
}

/**
 * Where focus starts: the control marked `data-autofocus` (React's autoFocus fires while the dialog is
 * still closed, so it is lost), else the first field of a form, else the browser's choice (the first
 * button, Close).
 */
function initialFocus(dialog: HTMLDialogElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[data-autofocus]') ??
    dialog.querySelector<HTMLElement>('form :is(input:not([type=hidden]), select, textarea):not(:disabled)')
  )
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside)
 * and turns Esc into a `cancel` event, which we route to onClose so React state stays the truth.
 * Mount it to open it; focus moves in, and returns to where it was when it unmounts.
 */
export function Dialog({ title, onClose, children, variant = 'drawer', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // The opener, read while rendering: by the time effects run, focus may already have moved.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))

  useEffect(() => {
    const dialog = ref.current
    if (dialog !== null && !dialog.open) {
      dialog.showModal()
      initialFocus(dialog)?.focus()
    }
    return () => {
      dialog?.close()
      // Back to the control that opened it; if that is gone (a deleted row), to the screen itself.
      const back = opener?.isConnected === true ? opener : document.getElementById('main')
      back?.focus({ preventScroll: true })
    }
  }, [opener])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${variant}`}
      // <dialog> opened with showModal() is a modal dialog already; said explicitly for older AT.
      role="dialog"
      aria-modal="true"
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
