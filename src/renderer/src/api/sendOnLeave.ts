import type { ApiInput, Method } from '../../../core/api/contract'
import { ipcBridge } from './transport'

/**
 * A call that must outlive the page: sent from `beforeunload`/`pagehide` (a reload, a closed tab or
 * window) when a debounced write is still waiting. Nobody reads the answer. The browser host gets a `keepalive` fetch,
 * which the browser finishes after the page is gone; it carries the session cookie (and the tab's token,
 * if the page was opened with one), so the host's usual session, Host and Origin checks apply. The
 * desktop host's IPC message leaves at once, before the window closes.
 */
export function sendOnLeave<M extends Method>(method: M, input: ApiInput<M>): void {
  const bridge = ipcBridge()
  if (bridge !== undefined) {
    void bridge.call(method, input).catch(() => undefined)
    return
  }
  const token = sessionStorage.getItem('smo.token')
  void fetch(`/api/${method}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify(input)
  }).catch(() => undefined)
}
