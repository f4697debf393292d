import { Notification } from 'electron'
import type { Backend } from '../backend/backend'
import { watchNotifications } from '../backend/services/notificationWatch'

/**
 * The desktop host raises an operating-system notification for each new notification for *me*
 * (the renderer leaves the browser Notification API to the browser host). Clicking it brings the
 * window forward; the inbox in the app has the details.
 */
export function startOsNotifications(b: Backend, focus: () => void): () => void {
  if (!Notification.isSupported()) return () => undefined
  const w = watchNotifications(b, (a) => {
    const n = new Notification({ title: a.title, body: a.body })
    n.on('click', focus)
    n.show()
  })
  return w.stop
}
