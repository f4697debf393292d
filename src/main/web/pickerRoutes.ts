import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Backend } from '../backend/backend'
import type { ChoiceResult, WorkspaceChoice } from '../backend/openChosenWorkspace'
import { workspaceChoiceInput as choiceInput } from '../backend/workspaceChoiceInput'
import { pickerPage, pickerScript, type PickerView } from './pickerPage'
import { readBody } from './readBody'

/** What the browser host needs to show the first-start workspace picker (smo serve without a workspace). */
export type Picker = PickerView & { open: (choice: WorkspaceChoice) => Promise<ChoiceResult> }

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
      // Any folder depth: the page names its script relatively, so the desktop host can load it from a file.
      if (url.pathname.endsWith('/picker.js')) return sendText(res, 200, 'text/javascript', pickerScript)
      return sendText(res, 200, 'text/html', pickerPage(p))
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
