import { existsSync } from 'node:fs'
import { createBackend, type Backend } from '../../backend/backend'
import { WorkspaceError } from '../../backend/workspaceError'
import { applyAsOption } from '../actAsOption'
import { openWorkspace } from '../../backend/openWorkspace'
import { confSettings } from '../../backend/settings/confSettings'
import { fileSecrets } from '../../backend/settings/fileSecrets'
import { defaultWorkspaceDir, userDataDir } from '../../backend/userDataDir'
import { workspacePaths } from '../../backend/workspacePaths'
import { startWebHost } from '../../web/webHost'
import type { Picker } from '../../web/pickerRoutes'
import { checkWorkspacePath } from '../../backend/checkWorkspacePath'
import { addRecent, pruneRecent } from '../../../core/settings/recentWorkspaces'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Recovery } from '../../web/recoveryRoutes'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { ensureRendererBuilt } from '../ensureRendererBuilt'
import { openBrowser } from '../openBrowser'

/** How long after Ready team sync, the daily backup and the desk scan start (sync waits 3 s for quiet anyway). */
const BACKGROUND_START_MS = 2000

export const serveCommand = command({
  ...commandSpecs.serve,
  run: async ({ values }) => {
    const settings = confSettings(userDataDir())
    const asked = typeof values.workspace === 'string' && values.workspace !== '' ? values.workspace : null
    // Without --workspace: $SMO_WORKSPACE, the last workspace opened, the one in the user-data folder
    // (what `npm start` opens, --create-demo makes it); with none of them, the first-start picker.
    const lastDir = settings.get().lastWorkspace
    const remembered = lastDir !== null && checkWorkspacePath(lastDir, { intent: 'open' }).ok ? lastDir : null
    const fallback = values['create-demo'] === true || process.env.SMO_WORKSPACE || existsSync(workspacePaths(defaultWorkspaceDir()).db) ? defaultWorkspaceDir() : null
    const chosen = asked ?? remembered ?? fallback
    const dir = chosen ?? defaultWorkspaceDir()
    const remember = (opened: string) => {
      const s = settings.get()
      settings.update({ lastWorkspace: opened, recentWorkspaces: addRecent(s.recentWorkspaces, opened) })
    }
    let port = 0
    if (values.port !== undefined) {
      port = Number(values.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0–65535), got "${String(values.port)}"`)
    }
    const rendererDir = ensureRendererBuilt()
    const fresh = values['create-demo'] === true && !existsSync(workspacePaths(dir).db)
    const open = async () => {
      const ws = await openWorkspace(dir, { create: values['create-demo'] === true, lock: 'browser host (smo serve)' })
      const opened = createBackend(ws, settings, fileSecrets(userDataDir()))
      applyAsOption(opened)
      return opened
    }
    // Team sync runs by itself while the host is up (no-op until a team folder is set up). These
    // and the other code only some starts need are imported when used, not before the port opens
    // (issue #17: cold start to an interactive calendar ≤ 1.5 s).
    const started = async (b: Backend) => {
      const [{ startSyncScheduler }, { startDailyBackup }, { startDeskScan }] = await Promise.all([
        import('../../backend/services/syncScheduler'),
        import('../../backend/backup/dailyBackup'),
        import('../../backend/services/deskScanTimer')
      ])
      startSyncScheduler(b, { debounceMs: Number(process.env.SMO_SYNC_DEBOUNCE_MS ?? 3000), log: (m) => console.error(m) })
      startDailyBackup(b)
      startDeskScan(b, { log: (m) => console.error(m) })
    }
    let b: Backend | null = null
    let recovery: Recovery | undefined
    let picker: Picker | undefined
    try {
      if (chosen === null) {
        const recent = pruneRecent(settings.get().recentWorkspaces, (d) => existsSync(d)).kept
        picker = {
          recent,
          suggested: { demo: defaultWorkspaceDir(), new: join(homedir(), 'SMO Desk workspace') },
          open: async (choice) => {
            const { openChosenWorkspace } = await import('../../backend/openChosenWorkspace')
            const r = await openChosenWorkspace(choice, { lock: 'browser host (smo serve)', backendFor: (ws) => createBackend(ws, settings, fileSecrets(userDataDir())) })
            if (r.ok) {
              applyAsOption(r.backend)
              remember(r.dir)
            }
            return r
          }
        }
      } else b = await open()
    } catch (e) {
      // A damaged workspace is not used: the browser shows the refusal and offers the newest good backup.
      if (!(e instanceof WorkspaceError) || !e.damaged) throw e
      console.error(`smo serve: ${e.message}`)
      const from = e.damaged.restoreFrom
      recovery = {
        message: e.message,
        restoreFrom: from,
        restore: async () => {
          const { restoreWorkspace } = await import('../../backend/backup/restoreWorkspace')
          const r = await restoreWorkspace(dir, from?.path ?? '')
          console.error(`smo serve: restored ${from?.path ?? ''}${r.damagedCopy ? `; the damaged file is kept as ${r.damagedCopy}` : ''}`)
          return open()
        }
      }
    }
    if (b && fresh) (await import('../../backend/demo/writeDemo')).writeDemo(b, { pickMe: false })
    const host = await startWebHost(b, {
      port,
      rendererDir,
      recovery,
      picker,
      onRestored: (restored) => {
        b = restored
        void started(restored)
        remember(restored.ws.paths.dir)
      }
    })
    console.log(`Ready: ${host.url}${picker ? ' (no workspace yet: the page lets you choose one)' : ''}`)
    if (b) remember(b.ws.paths.dir)
    if (!values['no-open']) openBrowser(host.url)
    // The background services start a moment after Ready: at once, their imports and first runs held
    // the server while the browser asked for the page and the calendar's first data (issue #17).
    const opened = b
    const background = opened ? setTimeout(() => void started(opened), BACKGROUND_START_MS) : undefined
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    clearTimeout(background)
    await host.close()
    const last: Backend | null = b
    if (last) {
      const { syncOnQuit } = await import('../../backend/services/syncScheduler')
      syncOnQuit(last)
      last.close()
    }
    return 0
  }
})
