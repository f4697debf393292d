import { createBackend, type Backend } from '../backend/backend'
import { openWorkspace } from '../backend/openWorkspace'
import { confSettings } from '../backend/settings/confSettings'
import { fileSecrets } from '../backend/settings/fileSecrets'
import { userDataDir } from '../backend/userDataDir'
import { applyAsOption } from './actAsOption'
import { UsageError } from './command'

/** Open a workspace for a one-shot command (locking it while the command writes). */
export async function openCliBackend(
  values: Record<string, unknown>,
  opts: { create?: boolean; lock?: string | false; readonly?: boolean } = {}
): Promise<Backend> {
  const dir = values.workspace
  if (typeof dir !== 'string' || dir === '') throw new UsageError('--workspace DIR is required (the folder that holds workspace.sqlite)')
  const ws = await openWorkspace(dir, { create: opts.create, lock: opts.lock ?? false, readonly: opts.readonly })
  const b = createBackend(ws, confSettings(userDataDir()), fileSecrets(userDataDir()))
  try {
    // Every command acts as this computer's "me" for the workspace, or as `--as NAME` where roles allow.
    applyAsOption(b)
  } catch (e) {
    b.close()
    throw e
  }
  return b
}
