/** What the picker page shows: the recent workspaces and the suggested folders. */
export type PickerView = {
  /** Workspaces opened before, newest first, that still exist. */
  recent: readonly string[]
  /** Where a new demo or empty workspace goes unless the person types another folder. */
  suggested: { demo: string; new: string }
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const OPTIONS = [
  ['demo', 'Try the demo', 'A sample team, "Northwind Analytics", with a quarter of plans and results to explore.'],
  ['new', 'Start an empty workspace', 'For your own team: add channels and plans, or import your spreadsheets.'],
  ['open', 'Open an existing workspace', 'A folder that already holds workspace.sqlite.'],
  ['join', 'Join a team folder', 'Your team already shares a workspace through a synced folder (Dropbox, OneDrive, a network share).']
] as const

/**
 * The first-start picker page both hosts show: the browser host serves it (web/pickerRoutes.ts), the
 * desktop host loads it from a file into its window (electron/firstStartPicker.ts). Its script sends
 * the choice through the desktop bridge (`window.smoPicker`, electron/pickerIpc.ts) when there is
 * one, else to `POST /api/picker-open`; either way a refusal lands at its field, so a team passphrase
 * is typed and corrected on the page (issue #17 item 3).
 */
export function pickerPage(p: PickerView): string {
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
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:8vh auto;padding:0 1rem;color:#1f2933;background:#fff}
fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:600;margin-bottom:.5rem}
.option{display:flex;gap:.75rem;align-items:flex-start;padding:.6rem .8rem;border:1px solid #8a96a3;border-radius:8px;margin-bottom:.5rem;cursor:pointer}
.option:has(input:checked){border-color:#2457c5;box-shadow:0 0 0 1px #2457c5}.hint{color:#4a5562}
label.field{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=password]{font:inherit;width:100%;box-sizing:border-box;padding:.45rem .6rem;border:1px solid #6b7683;border-radius:6px;margin-top:.25rem}
input[aria-invalid=true]{border-color:#b3261e;box-shadow:0 0 0 1px #b3261e}.error{color:#8a1c1c;margin:.25rem 0 0}
button{font:inherit}.primary{margin-top:1.25rem;padding:.55rem 1.2rem;border-radius:6px;border:0;background:#2457c5;color:#fff;cursor:pointer}
.primary:disabled{background:#5b6b80;cursor:wait}.link{background:none;border:0;padding:0;color:#1d4bb0;text-decoration:underline;cursor:pointer;word-break:break-all;text-align:left}
.recent{padding-left:1.2rem}.row{display:flex;gap:.5rem;align-items:center;margin-top:.25rem}.row input[type=text]{margin-top:0}.choose{padding:.45rem .8rem;border-radius:6px;border:1px solid #6b7683;background:#fff;color:#1f2933;cursor:pointer;white-space:nowrap}[hidden]{display:none}:focus-visible{outline:2px solid #2457c5;outline-offset:2px}</style>
<script src="picker.js" defer></script>
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
<div class="row"><input type="text" id="path" name="path" autocomplete="off" spellcheck="false" aria-describedby="path-hint path-error" data-testid="picker-path" value="${escape(p.suggested.demo)}">
<button type="button" class="choose" data-choose="path" data-testid="picker-choose-path" aria-label="Choose the workspace folder" hidden>Choose…</button></div>
<p class="error" id="path-error" role="alert" data-testid="picker-path-error"></p>
<div id="join-fields" hidden>
<label class="field" for="teamFolder">Team folder</label>
<div class="row"><input type="text" id="teamFolder" name="teamFolder" autocomplete="off" spellcheck="false" aria-describedby="teamFolder-error" data-testid="picker-team-folder">
<button type="button" class="choose" data-choose="teamFolder" data-testid="picker-choose-team-folder" aria-label="Choose the team folder" hidden>Choose…</button></div>
<p class="error" id="teamFolder-error" role="alert"></p>
<label class="field" for="passphrase">Team passphrase (if your team uses one)</label>
<input type="password" id="passphrase" name="passphrase" autocomplete="off" aria-describedby="passphrase-error" data-testid="picker-passphrase">
<p class="error" id="passphrase-error" role="alert" data-testid="picker-passphrase-error"></p>
</div>
<button type="submit" class="primary" id="go" data-testid="picker-go">Open</button> <span id="status" role="status"></span>
</form>
${recent}
</main>
</body></html>`
}

// Served as a file, not inline: the page's Content-Security-Policy allows scripts from 'self' only.
export const pickerScript = `const form = document.getElementById('picker')
const path = document.getElementById('path')
const join = document.getElementById('join-fields')
const status = document.getElementById('status')
const go = document.getElementById('go')
let typed = false
// The desktop host's bridge (preload): folder dialogs, and the choice sent over IPC instead of HTTP.
const bridge = window.smoPicker
if (bridge) {
  document.getElementById('path-hint').textContent = "Type the folder's full path, or choose it."
  for (const b of document.querySelectorAll('[data-choose]')) {
    b.hidden = false
    b.addEventListener('click', async () => {
      const chosen = await bridge.chooseFolder(b.dataset.choose)
      if (!chosen) return
      const field = document.getElementById(b.dataset.choose)
      field.value = chosen
      if (field === path) typed = true
    })
  }
}
const send = (body) => bridge ? bridge.open(body) : fetch('/api/picker-open', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((res) => res.json())
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
    const answer = await send(body)
    if (answer.ok) {
      status.textContent = 'Opened. Loading SMO Desk…'
      // The desktop host replaces this window with the app's own.
      if (!bridge) { location.replace('/#/calendar'); location.reload() }
      return
    }
    const field = document.getElementById(answer.error.field || 'path') || path
    field.setAttribute('aria-invalid', 'true')
    document.getElementById(field.id + '-error').textContent = answer.error.message
    status.textContent = ''
    field.focus()
  } catch (err) {
    status.textContent = bridge ? 'SMO Desk did not answer; close this window and start it again.' : 'SMO Desk did not answer: is smo serve still running?'
  }
  go.disabled = false
})
`
