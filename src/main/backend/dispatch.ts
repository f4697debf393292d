import { z } from 'zod'
import { ApiError } from '../../core/api/apiError'
import { contract, isMethod, type ApiResult } from '../../core/api/contract'
import type { Backend } from './backend'
import { handlers } from './handlers'
import { methodRoles } from '../../core/api/methodRoles'
import { authorize } from './people/authorize'
import { writesHeld } from './services/importWriteHold'
import { WorkspaceError } from './workspaceError'

function issuesOf(e: z.ZodError) {
  return e.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }))
}

/** Calls that follow an import while it is written, so they never wait for it. */
const FOLLOWS_IMPORT: ReadonlySet<string> = new Set(['import-progress', 'import-cancel'])

/** Should outputs be checked against the contract too? On in tests, off in production for speed. */
const checkOutputs = process.env.SMO_CHECK_OUTPUT === '1'

/**
 * The single entry for IPC, HTTP and CLI: parse the input with the contract's schema (every host's
 * input is untrusted), run the handler, and turn every failure into the typed error shape.
 */
export async function dispatch(b: Backend, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!isMethod(method)) throw new ApiError('unknown_method', `There is no method "${method}". GET /api lists them.`)
    // Roles first (core/api/methodRoles.ts): a refused call writes nothing and says which role it needs.
    authorize(b, method)
    const entry = contract[method]
    const parsed = (entry.input as z.ZodType).safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues = issuesOf(parsed.error)
      throw new ApiError('invalid_input', `Invalid input for ${method}: ${issues.map((i) => `${i.path.join('.') || '(input)'} ${i.message}`).join('; ')}`, issues)
    }
    const handler = handlers[method]
    if (!handler) throw new ApiError('unknown_method', `Method "${method}" is not available in this build`)
    // A large import is being written by its own thread (importWriteHold.ts): a call that may write
    // waits for it to commit; the import's own progress and Cancel do not.
    const hold = writesHeld(b)
    if (hold !== undefined && methodRoles[method].role !== 'viewer' && !FOLLOWS_IMPORT.has(method)) await hold.done
    const data = await handler(b, parsed.data)
    if (checkOutputs) {
      const out = (entry.output as z.ZodType).safeParse(data)
      if (!out.success) throw new ApiError('internal', `Output of ${method} does not match the contract: ${z.prettifyError(out.error)}`)
    }
    return { ok: true, data }
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toBody() }
    const held = writesHeld(b)
    if (held !== undefined && e instanceof Error && 'code' in e && e.code === 'SQLITE_BUSY')
      return { ok: false, error: { code: 'conflict', message: `Nothing was changed: an import of ${held.file} is being written into this workspace. Try again when it is done.`, issues: [] } }
    if (e instanceof WorkspaceError) return { ok: false, error: { code: 'workspace_error', message: e.message, issues: [] } }
    console.error(`[smo] ${method} failed:`, e)
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}: ${e instanceof Error ? e.message : String(e)}`, issues: [] } }
  }
}
