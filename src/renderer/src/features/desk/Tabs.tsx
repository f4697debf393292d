import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export type Tab<T extends string> = { id: T; label: string; count?: { n: number; label: string } }

type Props<T extends string> = { label: string; tabs: readonly Tab<T>[]; current: T; onChange: (id: T) => void; children: ReactNode; testId?: string }

/**
 * Tabs as the ARIA pattern has them: one tab stop, arrows (and Home/End) move between tabs and select,
 * the panel is named by its tab. A count beside a label (the inbox's states) is part of the tab's name.
 */
export function Tabs<T extends string>({ label, tabs, current, onChange, children, testId }: Props<T>) {
  const base = useId()
  const list = useRef<HTMLDivElement>(null)
  const move = (e: KeyboardEvent<HTMLButtonElement>, i: number): void => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    const next = tabs[(to + tabs.length) % tabs.length]
    if (next === undefined) return
    onChange(next.id)
    list.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.id}"]`)?.focus()
  }
  return (
    <>
      <div className="desk-tabs" role="tablist" aria-label={label} ref={list} data-testid={testId}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-${t.id}`}
            data-tab={t.id}
            data-testid={`tab-${t.id}`}
            aria-selected={t.id === current}
            aria-controls={`${base}-panel`}
            tabIndex={t.id === current ? 0 : -1}
            className={`desk-tab${t.id === current ? ' desk-tab-on' : ''}`}
            onClick={() => onChange(t.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
            {t.count !== undefined && (
              <span className="desk-tab-count" title={t.count.label}>
                {t.count.n.toLocaleString()}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${current}`} className="desk-panel">
        {children}
      </div>
    </>
  )
}
