import { existsSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Backend } from './backend'
import { checkWorkspacePath } from './checkWorkspacePath'
import { writeDemo } from './demo/writeDemo'
import { dispatch } from './dispatch'
import { openWorkspace, type Workspace } from './openWorkspace'
import { workspacePaths } from './workspacePaths'

/** The four ways into SMO Desk on first start (issue #17 item 3), from the picker of either host. */
export type WorkspaceChoice =
  | { action: 'demo' | 'new' | 'open'; path: string }
  | { action: 'join'; path: string; teamFolder: string; passphrase?: string }

export type ChoiceResult = { ok: true; backend: Backend; dir: string } | { ok: false; field: 'path' | 'teamFolder' | 'passphrase'; message: string }

export type ChoiceDeps = {
  /** Who holds the lock ("desktop app", "browser host (smo serve)"). */
  lock: string
  /** The host's backend for an opened workspace (its settings and secret ports). */
  backendFor: (ws: Workspace) => Backend
  freeBytes?: (dir: string) => number
}

/**
 * Open the workspace the person chose: refuse a bad path with one sentence and what to do before
 * anything is written (checkWorkspacePath), then open it, fill the demo, or join the team folder.
 * A choice that fails half-way (a team folder that refuses the join) removes the workspace it had
 * just created, so trying again starts from nothing rather than from a half-made folder.
 */
export async function openChosenWorkspace(choice: WorkspaceChoice, deps: ChoiceDeps): Promise<ChoiceResult> {
  if (choice.path.trim() === '') return { ok: false, field: 'path', message: 'Type the folder for the workspace, or pick a recent one.' }
  if (choice.action === 'join') {
    const team = resolve(choice.teamFolder.trim() || '.')
    if (choice.teamFolder.trim() === '') return { ok: false, field: 'teamFolder', message: "Type the team folder's path (the shared folder your team syncs through)." }
    if (!existsSync(team) || !statSync(team).isDirectory())
      return { ok: false, field: 'teamFolder', message: `There is no folder at ${team}. Check the path of the shared folder (is the drive connected?).` }
  }
  const verdict = checkWorkspacePath(choice.path, { intent: choice.action === 'open' ? 'open' : 'create', freeBytes: deps.freeBytes })
  if (!verdict.ok) return { ok: false, field: 'path', message: verdict.message }
  const created = choice.action !== 'open'
  let backend: Backend | null = null
  try {
    const ws = await openWorkspace(verdict.dir, { create: created, lock: deps.lock })
    backend = deps.backendFor(ws)
    // The person is asked who they are when the app loads (issue #14), not made the demo's owner.
    if (choice.action === 'demo') writeDemo(backend, { pickMe: false })
    if (choice.action === 'join') {
      const r = await dispatch(backend, 'sync-setup', { mode: 'join', folder: resolve(choice.teamFolder.trim()), passphrase: choice.passphrase || undefined })
      if (!r.ok) {
        const field = /passphrase/i.test(r.error.message) ? 'passphrase' : 'teamFolder'
        throw Object.assign(new Error(r.error.message), { field })
      }
    }
    return { ok: true, backend, dir: verdict.dir }
  } catch (e) {
    backend?.close()
    if (created) removeNewWorkspace(verdict.dir)
    const field = (e as { field?: 'teamFolder' | 'passphrase' }).field ?? 'path'
    return { ok: false, field, message: e instanceof Error ? e.message : String(e) }
  }
}

/** Only the files a new workspace writes: a folder the person chose may hold other things. */
function removeNewWorkspace(dir: string): void {
  const p = workspacePaths(dir)
  for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`, `${p.db}.clean`, p.lock]) rmSync(f, { force: true })
  if (existsSync(p.backups)) rmSync(p.backups, { recursive: true, force: true })
}
