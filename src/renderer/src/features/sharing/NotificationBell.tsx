import { useEffect, useId, useRef, useState } from 'react'
import type { Notification, NotificationKind } from '../../../../core/api/methods/sharingMethods'
import { api } from '../../api/client'
import { ipcBridge } from '../../api/transport'
import { useQuery } from '../../api/useQuery'
import { useFirstScreenDrawn } from '../../shell/firstScreen'
import { requestOpen } from '../../drafts/useOpenRequest'
import './sharing.css'

const KIND_LABELS: Record<NotificationKind, string> = {
  assignment: 'Assignments', mention: 'Mentions', approval_requested: 'Approval requests', approval_given: 'Approvals',
  approval_refused: 'Sent back from review', overdue: 'Overdue work', sync_review: 'Sync items to review',
  escalation: 'Escalations'
}
const SCREEN_OF: Record<string, string> = { content: 'calendar', campaign: 'campaigns', conversation: 'conversations', influencer: 'influencers' }
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Screens live in the URL hash (shell/useHashRoute.ts). */
function goTo(screen: string): void {
  location.hash = `#/${screen}`
}

/**
 * The browser host shows new notifications with the browser's Notification API once the person has
 * allowed it; the desktop host raises OS notifications from the main process instead
 * (electron/osNotifications.ts), so the renderer stays quiet there.
 */
function useBrowserAlerts(items: readonly Notification[] | undefined): void {
  const seen = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (items === undefined) return
    // The first answer is what was already there: only what arrives later is news.
    if (seen.current === null) {
      seen.current = new Set(items.map((n) => n.id))
      return
    }
    const fresh = items.filter((n) => !n.read && !seen.current?.has(n.id))
    for (const n of items) seen.current.add(n.id)
    if (ipcBridge() !== undefined || typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    for (const n of fresh.slice(0, 3)) new Notification(n.title, { body: n.text, tag: n.id })
  }, [items])
}

/** The bell in the header: unread count, and the inbox with read/unread, open-the-record and choices. */
export function NotificationBell() {
  const list = useQuery('notification-list', {}, { enabled: useFirstScreenDrawn() })
  const [open, setOpen] = useState(false)
  const [unreadOnly, setUnreadOnly] = useState(false)
  const [prefsOpen, setPrefsOpen] = useState(false)
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission))
  const panelId = useId()
  const unread = list.data?.unread ?? 0
  useBrowserAlerts(list.data?.items)
  const items = (list.data?.items ?? []).filter((n) => !unreadOnly || !n.read)

  const openItem = (n: Notification) => {
    if (!n.read) void api.call('notification-mark', { ids: [n.id], read: true })
    if (n.recordKind !== null && n.recordId !== null && SCREEN_OF[n.recordKind]) {
      goTo(SCREEN_OF[n.recordKind] ?? '')
      requestOpen(n.recordKind, n.recordId)
      setOpen(false)
    } else if (n.kind === 'sync_review') {
      goTo('settings')
      setOpen(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn bell"
        aria-label={`Notifications, ${unread} unread`}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="bell"
        onClick={() => setOpen(!open)}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && <span className="bell-count" data-testid="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <section id={panelId} className="inbox" aria-label="Notifications" data-testid="inbox" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div className="inbox-head">
            <h2>Notifications</h2>
            <button type="button" className={`btn btn-sm${unreadOnly ? ' btn-on' : ''}`} aria-pressed={unreadOnly} onClick={() => setUnreadOnly(!unreadOnly)}>Unread</button>
            <button type="button" className="btn btn-sm" disabled={unread === 0} onClick={() => void api.call('notification-mark-all', {})}>Mark all read</button>
            <button type="button" className="btn btn-ghost btn-sm" aria-label="Close notifications" onClick={() => setOpen(false)}>✕</button>
          </div>
          {list.data?.memberId === null && <p className="subtle small">Add yourself on the Members screen to get notifications.</p>}
          {items.length === 0 && list.data?.memberId !== null && <p className="subtle small">{unreadOnly ? 'Nothing unread.' : 'Nothing for you right now.'}</p>}
          <ul className="inbox-list">
            {items.map((n) => (
              <li key={n.id} data-testid="notification" data-kind={n.kind}>
                <button type="button" className={`inbox-item${n.read ? '' : ' inbox-unread'}`} onClick={() => openItem(n)}>
                  <span className="inbox-title">{n.title}</span>
                  <span className="inbox-text">{n.text}</span>
                  <span className="subtle small">{KIND_LABELS[n.kind]} · {when.format(new Date(n.at))}{n.read ? '' : ' · unread'}</span>
                </button>
                {n.read && (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => void api.call('notification-mark', { ids: [n.id], read: false })}>Mark unread</button>
                )}
              </li>
            ))}
          </ul>
          {ipcBridge() === undefined && permission === 'default' && (
            <button type="button" className="btn btn-sm" onClick={() => void Notification.requestPermission().then(setPermission)}>
              Show new notifications on this computer's desktop
            </button>
          )}
          <button type="button" className="btn btn-ghost btn-sm" aria-expanded={prefsOpen} onClick={() => setPrefsOpen(!prefsOpen)}>Choose what I get</button>
          {prefsOpen && <Prefs />}
        </section>
      )}
    </>
  )
}

function Prefs() {
  const prefs = useQuery('notification-prefs-get', {})
  if (!prefs.data) return null
  return (
    <fieldset className="inbox-prefs" data-testid="inbox-prefs">
      <legend className="small">Notify me about</legend>
      {(Object.keys(KIND_LABELS) as NotificationKind[]).map((k) => (
        <label key={k} className="filter-opt">
          <input type="checkbox" checked={prefs.data?.kinds[k] ?? true} onChange={(e) => void api.call('notification-prefs-set', { kinds: { [k]: e.target.checked } })} /> {KIND_LABELS[k]}
        </label>
      ))}
    </fieldset>
  )
}
