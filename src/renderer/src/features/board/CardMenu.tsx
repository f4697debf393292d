import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { CalendarItem } from '../../../../core/api/methods/calendarMethods'
import { enums, labelOf } from '../../../../core/domain/enums'
import type { RefOption } from '../../components/fieldSpec'

type Props = {
  item: CalendarItem
  members: readonly RefOption[]
  channels: readonly RefOption[]
  onSet: (set: Partial<Pick<CalendarItem, 'status' | 'ownerId' | 'channelId'>>, label: string) => void
}

/**
 * A card's quick edit: a small "⋯" button (shown on hover or focus) opening a menu with status,
 * owner and channel at full width. The menu is fixed-positioned from the button so a column's own
 * scroll box does not clip it; Escape or a click elsewhere closes it and focus returns to the card.
 * A small non-modal dialog, not a `menu`: it holds form fields, which a menu may not.
 */
export function CardMenu({ item, members, channels, onSet }: Props) {
  const [open, setOpen] = useState(false)
  const [at, setAt] = useState<{ top: number; left: number }>({ top: 0, left: 0 })
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    if (!open || !button.current) return
    const r = button.current.getBoundingClientRect()
    const width = 232
    const height = menu.current?.offsetHeight ?? 170
    // Right-aligned under the button, but never over the navigation: on the first column the card
    // sits near the content area's left edge, and a right-aligned menu would spill onto the sidebar.
    const floor = (button.current.closest('main')?.getBoundingClientRect().left ?? 0) + 8
    setAt({ left: Math.max(floor, Math.min(r.right - width, window.innerWidth - width - 8)), top: r.bottom + height + 8 > window.innerHeight ? Math.max(8, r.top - height - 4) : r.bottom + 4 })
    menu.current?.querySelector('select')?.focus()
  }, [open])

  useEffect(() => {
    if (!open) return
    const away = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false)
    }
    // The menu is placed once; a scrolled column would leave it floating away from its card.
    const scrolled = (e: Event) => !menu.current?.contains(e.target as Node) && setOpen(false)
    document.addEventListener('pointerdown', away)
    document.addEventListener('scroll', scrolled, true)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('scroll', scrolled, true)
    }
  }, [open])

  // Focus goes back to the card (the board's roving cell), where the arrow keys work again.
  const close = () => {
    setOpen(false)
    const card = button.current?.closest<HTMLElement>('[role="gridcell"]') ?? button.current
    card?.focus()
  }
  const pick = (set: Parameters<Props['onSet']>[0], label: string) => {
    onSet(set, label)
    close()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`card-more${open ? ' card-more-open' : ''}`}
        aria-label={`Quick edit "${item.title}"`}
        aria-haspopup="dialog"
        aria-expanded={open}
        // Reached with M or Shift+F10 on the focused card, so the board stays one Tab stop.
        tabIndex={-1}
        data-testid="card-menu"
        onClick={(e) => (e.stopPropagation(), setOpen((o) => !o))}
        onKeyDown={(e) => e.stopPropagation()}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menu}
          className="card-pop"
          role="dialog"
          aria-label={`Quick edit "${item.title}"`}
          style={{ top: at.top, left: at.left }}
          data-testid="card-pop"
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            e.stopPropagation()
            if (e.key === 'Escape') close()
          }}
        >
          <label>
            Move to column
            <select className="select select-sm" value={item.status} data-testid="quick-status" onChange={(e) => pick({ status: e.target.value as CalendarItem['status'] }, `move "${item.title}" to ${labelOf(e.target.value)}`)}>
              {enums.contentStatus.options.map((s) => <option key={s} value={s}>{labelOf(s)}</option>)}
            </select>
          </label>
          <label>
            Owner
            <select className="select select-sm" value={item.ownerId ?? ''} data-testid="quick-owner" onChange={(e) => pick({ ownerId: e.target.value || null }, `reassign "${item.title}"`)}>
              <option value="">No owner</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
          <label>
            Channel
            <select className="select select-sm" value={item.channelId ?? ''} data-testid="quick-channel" onChange={(e) => pick({ channelId: e.target.value || null }, `change channel of "${item.title}"`)}>
              <option value="">No channel</option>
              {channels.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
        </div>
      )}
    </>
  )
}
