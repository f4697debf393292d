import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Backend } from '../backend/backend'
import type { ChoiceResult, WorkspaceChoice } from '../backend/openChosenWorkspace'
import { readBody } from './readBody'

/** What the browser host needs to show the first-start workspace picker (smo serve without a workspace). */
export type Picker = {
  /** Workspaces opened before, newest first, that still exist. */
  recent: readonly string[]
  /** Where a new demo or empty workspace goes unless the person types another folder. */
  suggested: { demo: string; new: string }
  open: (choice: WorkspaceChoice) => Promise<ChoiceResult>
}

const choiceInput = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['demo', 'new', 'open']), path: z.string().max(4096) }),
  z.object({ action: z.literal('join'), path: z.string().max(4096), teamFolder: z.string().max(4096), passphrase: z.string().max(1024).optional() })
])

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const OPTIONS = [
  ['demo', 'Try the demo', 'A sample team, "Northwind Analytics", with a quarter of plans and results to explore.'],
  ['new', 'Start an empty workspace', 'For your own team: add channels and plans, or import your spreadsheets.'],
  ['open', 'Open an existing workspace', 'A folder that already holds workspace.sqlite.'],
  ['join', 'Join a team folder', 'Your team already shares a workspace through a synced folder (Dropbox, OneDrive, a network share).']
] as const

function page(p: Picker): string {
  const options = OPTIONS.map(
    ([value, label, hint], i) => `<label class="option"><input type="radio" name="action" value="${value}" data-testid="picker-${value}"${i === 0 ? ' checked' : ''}>
<span><strong>${label}</strong><br><span class="hint">${hint}</span></span></label>`
  ).join('\n')
  const recent = p.recent.length
    ? `<section aria-labelledby="recent-title"><h2 id="recent-title">Recent workspaces</h2><ul class="recent">${p.recent
        .map((d) => `<li><button type="button" class="link" data-recent="${escape(d)}" data-testid="picker-recent">${escape(d)}</button></li>`)
        .join('')}</ul></section>`
    : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SMO Desk — choose a workspace</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:8vh auto;padding:0 1rem;color:#1f2933;background:#fff}
fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem}
.option{display:flex;gap:.75rem;align-items:flex-start;padding:.6rem .8rem;border:1px solid #8a96a3;border-radius:8px;margin-bottom:.5rem;cursor:pointer}
.option:has(input:checked){border-color:#2457c5;box-shadow:0 0 0 1px #2457c5}.hint{color:#4a5562}
label.field{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=password]{font:inherit;width:100%;box-sizing:border-box;padding:.45rem .6rem;border:1px solid #6b7683;border-radius:6px;margin-top:.25rem}
input[aria-invalid=true]{border-color:#b3261e;box-shadow:0 0 0 1px #b3261e}.error{color:#8a1c1c;margin:.25rem 0 0}
button{font:inherit}.primary{margin-top:1.25rem;padding:.55rem 1.2rem;border-radius:6px;border:0;background:#2457c5;color:#fff;cursor:pointer}
.primary:disabled{background:#5b6b80;cursor:wait}.link{background:none;border:0;padding:0;color:#1d4bb0;text-decoration:underline;cursor:pointer;word-break:break-all;text-align:left}
.recent{padding-left:1.2rem}[hidden]{display:none}:focus-visible{outline:2px solid #2457c5;outline-offset:2px}</style>
<script src="/picker.js" defer></script>
</head><body data-testid="picker-screen">
<main>
<h1>Choose a workspace</h1>
<p>SMO Desk keeps a team's plans in a workspace folder on this computer. Pick how to start; next time SMO Desk reopens the same one.</p>
<form id="picker" novalidate data-demo="${escape(p.suggested.demo)}" data-new="${escape(p.suggested.new)}">
<fieldset><legend>What would you like to open?</legend>
${options}
</fieldset>
<label class="field" for="path">Workspace folder</label>
<p class="hint" id="path-hint">Type the folder's full path. A browser cannot show a folder dialog, so copy it from your file manager.</p>
<input type="text" id="path" name="path" autocomplete="off" spellcheck="false" aria-describedby="path-hint path-error" data-testid="picker-path" value="${escape(p.suggested.demo)}">
<p class="error" id="path-error" role="alert" data-testid="picker-path-error"></p>
<div id="join-fields" hidden>
<label class="field" for="teamFolder">Team folder</label>
<input type="text" id="teamFolder" name="teamFolder" autocomplete="off" spellcheck="false" aria-describedby="teamFolder-error" data-testid="picker-team-folder">
<p class="error" id="teamFolder-error" role="alert"></p>
<label class="field" for="passphrase">Team passphrase (if your team uses one)</label>
<input type="password" id="passphrase" name="passphrase" autocomplete="off" aria-describedby="passphrase-error">
<p class="error" id="passphrase-error" role="alert"></p>
</div>
<button type="submit" class="primary" id="go" data-testid="picker-go">Open</button> <span id="status" role="status"></span>
</form>
${recent}
</main>
</body></html>`
}

// Served as a file, not inline: the page's Content-Security-Policy allows scripts from 'self' only.
const script = `const form = document.getElementById('picker')
const path = document.getElementById('path')
const join = document.getElementById('join-fields')
const status = document.getElementById('status')
const go = document.getElementById('go')
let typed = false
path.addEventListener('input', () => { typed = true })
const action = () => form.querySelector('input[name=action]:checked').value
const clear = () => { for (const id of ['path', 'teamFolder', 'passphrase']) { document.getElementById(id).removeAttribute('aria-invalid'); document.getElementById(id + '-error').textContent = '' } }
form.addEventListener('change', (e) => {
  if (e.target.name !== 'action') return
  join.hidden = action() !== 'join'
  clear()
  // A suggested folder follows the choice until the person types their own.
  if (!typed) path.value = action() === 'demo' ? form.dataset.demo : action() === 'open' ? '' : form.dataset.new
})
for (const b of document.querySelectorAll('[data-recent]')) b.addEventListener('click', () => {
  form.querySelector('input[value=open]').checked = true
  join.hidden = true
  path.value = b.dataset.recent
  typed = true
  clear()
  form.requestSubmit()
})
form.addEventListener('submit', async (e) => {
  e.preventDefault()
  clear()
  go.disabled = true
  status.textContent = 'Opening…'
  const body = { action: action(), path: path.value }
  if (body.action === 'join') { body.teamFolder = document.getElementById('teamFolder').value; body.passphrase = document.getElementById('passphrase').value }
  try {
    const res = await fetch('/api/picker-open', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const answer = await res.json()
    if (answer.ok) { status.textContent = 'Opened. Loading SMO Desk…'; location.replace('/#/calendar'); location.reload(); return }
    const field = document.getElementById(answer.error.field || 'path') || path
    field.setAttribute('aria-invalid', 'true')
    document.getElementById(field.id + '-error').textContent = answer.error.message
    status.textContent = ''
    field.focus()
  } catch (err) {
    status.textContent = 'SMO Desk did not answer: is smo serve still running?'
  }
  go.disabled = false
})
`

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
  res.end(body)
}

/**
 * The browser host before a workspace is chosen: every page is the picker, the API answers 503, and
 * `POST /api/picker-open` opens the choice, after which `onOpened` hands the host its backend and the
 * page reloads into the app. A refusal names the field (400) and nothing was written. Called only for
 * requests that already passed the Host, Origin and session checks.
 */
export function pickerRoutes(p: Picker, onOpened: (b: Backend) => void) {
  let opening = false
  return async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> => {
    if (!url.pathname.startsWith('/api')) {
      if (url.pathname === '/picker.js') return sendText(res, 200, 'text/javascript', script)
      return sendText(res, 200, 'text/html', page(p))
    }
    const json = (status: number, body: unknown) => sendText(res, status, 'application/json', JSON.stringify(body))
    if (url.pathname === '/api/picker-open' && req.method === 'POST') {
      const body = await readBody(req, 64 * 1024)
      let parsed: ReturnType<typeof choiceInput.safeParse>
      try {
        parsed = choiceInput.safeParse(body.ok ? JSON.parse(body.text) : null)
      } catch {
        parsed = choiceInput.safeParse(null)
      }
      if (!parsed.success) return json(400, { ok: false, error: { code: 'invalid_input', message: 'Choose what to open and type a folder.', field: 'path', issues: [] } })
      // Two clicks (or two tabs) open one workspace.
      if (opening) return json(409, { ok: false, error: { code: 'conflict', message: 'A workspace is being opened already.', field: 'path', issues: [] } })
      opening = true
      try {
        const r = await p.open(parsed.data)
        if (!r.ok) return json(400, { ok: false, error: { code: 'invalid_input', message: r.message, field: r.field, issues: [{ path: [r.field], message: r.message }] } })
        onOpened(r.backend)
        return json(200, { ok: true, data: { dir: r.dir } })
      } finally {
        opening = false
      }
    }
    req.resume()
    return json(503, { ok: false, error: { code: 'workspace_error', message: 'No workspace is open yet: choose one on the first page.', issues: [] } })
  }
}
