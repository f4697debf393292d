import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BackupEntry } from '../../core/api/methods/transferMethods'
import type { Backend } from '../backend/backend'

/** What the browser host needs to offer a restore when the workspace it was asked to serve is damaged. */
export type Recovery = {
  /** The one-sentence refusal from openWorkspace. */
  message: string
  restoreFrom: BackupEntry | null
  /** Restore `restoreFrom` (keeping the damaged file aside) and open the workspace; returns its backend. */
  restore: () => Promise<Backend>
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(r: Recovery): string {
  const offer = r.restoreFrom
    ? `<p>The newest backup that passes the same check is <strong>${escape(r.restoreFrom.name)}</strong>,
made ${escape(new Date(r.restoreFrom.createdAt).toUTCString())} (${escape(r.restoreFrom.reason)}). Restoring it
replaces the workspace with that copy; the damaged file is kept beside it, renamed <code>workspace.damaged-….sqlite</code>,
never deleted. Changes made after the backup are not in it.</p>
<p><button id="restore" type="button" data-testid="recovery-restore">Restore this backup</button> <span id="status" role="status"></span></p>`
    : `<p>No backup in the workspace's <code>backups</code> folder passes the check either. Nothing was changed:
stop <code>smo serve</code>, keep the file, and get a copy from whoever manages your backups or team folder.</p>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SMO Desk — the workspace is damaged</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:12vh auto;padding:0 1rem;color:#1f2933}
code{background:#eef2f6;padding:0 .25rem;border-radius:3px;word-break:break-all}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:0;background:#2457c5;color:#fff;cursor:pointer}
button:disabled{opacity:.6;cursor:wait}.problem{color:#8a1c1c}</style>
<script src="/recovery.js" defer></script>
</head><body data-testid="recovery-screen">
<h1>This workspace is damaged and was not opened</h1>
<p class="problem" data-testid="recovery-message">${escape(r.message)}</p>
${offer}
</body></html>`
}

// Served as a file, not inline: the page's Content-Security-Policy allows scripts from 'self' only.
const script = `document.getElementById('restore')?.addEventListener('click', async (e) => {
  const button = e.currentTarget
  const status = document.getElementById('status')
  button.disabled = true
  status.textContent = 'Restoring…'
  try {
    const res = await fetch('/api/recovery-restore', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    const body = await res.json()
    if (body.ok) { status.textContent = 'Restored. Opening SMO Desk…'; location.reload(); return }
    status.textContent = body.error.message
  } catch (err) {
    status.textContent = 'SMO Desk did not answer: is smo serve still running?'
  }
  button.disabled = false
})
`

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
  res.end(body)
}

/**
 * The browser host before the app loads, while its workspace is damaged: every page is the restore
 * offer, the API answers 503 with the refusal, and `POST /api/recovery-restore` restores the offered
 * backup, after which `onRestored` hands the host its backend and the page reloads into the app.
 * Called only for requests that already passed the Host, Origin and session checks.
 */
export function recoveryRoutes(r: Recovery, onRestored: (b: Backend) => void) {
  let restoring: Promise<Backend> | null = null
  return async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> => {
    if (!url.pathname.startsWith('/api')) {
      if (url.pathname === '/recovery.js') return sendText(res, 200, 'text/javascript', script)
      return sendText(res, 503, 'text/html', page(r))
    }
    const json = (status: number, body: unknown) => sendText(res, status, 'application/json', JSON.stringify(body))
    if (url.pathname === '/api/recovery-restore' && req.method === 'POST' && r.restoreFrom) {
      req.resume()
      try {
        // Two clicks (or two tabs) restore once.
        restoring ??= r.restore()
        onRestored(await restoring)
        return json(200, { ok: true, data: { restored: r.restoreFrom.path } })
      } catch (e) {
        restoring = null
        return json(500, { ok: false, error: { code: 'workspace_error', message: `The backup could not be restored: ${e instanceof Error ? e.message : String(e)}`, issues: [] } })
      }
    }
    req.resume()
    return json(503, { ok: false, error: { code: 'workspace_error', message: r.message, issues: [] } })
  }
}
