import { dialog } from 'electron'
import type { Backend } from '../backend/backend'
import { openChosenWorkspace, type WorkspaceChoice } from '../backend/openChosenWorkspace'
import type { Workspace } from '../backend/openWorkspace'

const CHOICES = ['Try the demo', 'Start an empty workspace…', 'Open an existing workspace…', 'Join a team folder…', 'Quit'] as const

async function folder(title: string, buttonLabel: string): Promise<string | null> {
  const r = await dialog.showOpenDialog({ title, buttonLabel, properties: ['openDirectory', 'createDirectory'] })
  return r.canceled ? null : (r.filePaths[0] ?? null)
}

/**
 * First start of the desktop app with no workspace configured (issue #17 item 3): the same four ways
 * in as the browser host's page (web/pickerRoutes.ts), as the system's own dialogs — a choice, then a
 * folder dialog. A refusal is said in one sentence and the choice is offered again; Quit returns null.
 * A team passphrase cannot be typed into a system dialog, so a team that uses one is joined from
 * Settings → Team sync after opening an empty workspace (the refusal says so).
 */
export async function firstStartPicker(demoDir: string, backendFor: (ws: Workspace) => Backend): Promise<{ backend: Backend; dir: string } | null> {
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: 'SMO Desk',
      message: 'Choose a workspace',
      detail: 'SMO Desk keeps a team\u2019s plans in a workspace folder on this computer. Next time it reopens the same one.',
      buttons: [...CHOICES],
      defaultId: 0,
      cancelId: CHOICES.length - 1,
      noLink: true
    })
    let choice: WorkspaceChoice | null = null
    if (response === 0) choice = { action: 'demo', path: demoDir }
    if (response === 1) {
      const path = await folder('Choose an empty folder for the new workspace', 'Create here')
      if (path) choice = { action: 'new', path }
    }
    if (response === 2) {
      const path = await folder('Open a workspace folder', 'Open')
      if (path) choice = { action: 'open', path }
    }
    if (response === 3) {
      const teamFolder = await folder('Choose the team folder your team shares', 'Join this team')
      const path = teamFolder ? await folder('Choose an empty folder for your copy of the workspace', 'Create here') : null
      if (teamFolder && path) choice = { action: 'join', path, teamFolder }
    }
    if (response === CHOICES.length - 1) return null
    if (!choice) continue
    const r = await openChosenWorkspace(choice, { lock: 'desktop app', backendFor })
    if (r.ok) return { backend: r.backend, dir: r.dir }
    const hint = r.field === 'passphrase' ? ' Start an empty workspace, then join the team in Settings → Team sync, where the passphrase can be typed.' : ''
    await dialog.showMessageBox({ type: 'warning', title: 'SMO Desk', message: 'This workspace was not opened', detail: r.message + hint })
  }
}
