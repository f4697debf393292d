import { existsSync, readFileSync, statSync } from 'node:fs'
import { arch, cpus, release, totalmem } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { Settings } from '../../../core/settings/settingsSchema'
import { createBackend } from '../backend'
import { openWorkspace } from '../openWorkspace'
import { packageRoot } from '../packageRoot'
import { checkDatabase, countRecords } from '../services/workspaceService'
import { memorySettings } from '../settings/confSettings'
import type { SecretPort } from '../settings/secretPort'
import { WorkspaceError } from '../workspaceError'

export type DiagnosticInput = {
  workspaceDir: string
  settings: Settings
  /** The app's log file; its last lines go in, scrubbed of anything that looks like a credential. */
  logFile: string | null
  now: Date
}

const LOG_LINES = 200
// A log line never should hold a secret, but one written by mistake must not leave the machine.
const CREDENTIAL = /\b(passphrase|password|passwd|token|secret|key|authorization)\b(\s*[:=]\s*|\s+)\S+/gi

/** Settings as they help a support person: the shape and choices, never the UI state's values (search text, filters). */
function settingsForSupport(s: Settings) {
  return { ...s, ui: Object.fromEntries(Object.keys(s.ui).map((k) => [k, '(value left out)'])) }
}

function logTail(file: string | null): string {
  if (file === null || !existsSync(file)) return '(no log file)\n'
  const lines = readFileSync(file, 'utf8').split('\n')
  return `${lines.slice(-LOG_LINES - 1).join('\n').replace(CREDENTIAL, (_m, word: string) => `${word}=(removed)`)}\n`
}

// The check's verdict and counts only: a check may name tables and ids, never titles or bodies.
async function workspaceVerdict(dir: string) {
  try {
    const ws = await openWorkspace(dir, { readonly: true })
    // No secret store: a diagnostic bundle must not be able to read one.
    const none: SecretPort = { get: () => null, set: () => undefined, delete: () => undefined, protection: { kind: 'file-permissions', detail: 'none' } }
    const b = createBackend(ws, memorySettings(), none)
    try {
      const problems = checkDatabase(b.db)
      const size = statSync(ws.paths.db).size
      return { ok: problems.length === 0, schemaVersion: ws.schemaVersion, databaseBytes: size, counts: countRecords(b.db), problems }
    } finally {
      b.close()
    }
  } catch (e) {
    return { ok: false, error: e instanceof WorkspaceError ? { reason: e.reason, message: e.message } : { message: e instanceof Error ? e.message : String(e) } }
  }
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The zip a user attaches to a support e-mail ("Report a problem", `smo diagnose`): versions, platform,
 * settings without UI values, the last log lines and the workspace check's verdict. It never holds
 * record content, the workspace file, a passphrase or a token: the secret store is not even opened.
 */
export async function diagnosticBundle(input: DiagnosticInput): Promise<Uint8Array> {
  const v = process.versions
  const json = (x: unknown) => strToU8(`${JSON.stringify(x, null, 2)}\n`)
  const files = {
    'README.txt': strToU8(
      `SMO Desk diagnostic bundle, made ${input.now.toISOString()}.\nIt holds versions, platform, settings (UI values left out), the last ${LOG_LINES} log lines and the workspace check's verdict.\nIt holds no records, no workspace file, no passphrase and no token.\n`
    ),
    'versions.json': json({ app: appVersion(), node: v.node, electron: v.electron ?? null, chrome: v.chrome ?? null, v8: v.v8, sqlite: v.sqlite ?? null, modules: v.modules }),
    'platform.json': json({ platform: process.platform, release: release(), arch: arch(), cpus: cpus().length, memoryBytes: totalmem(), locale: Intl.DateTimeFormat().resolvedOptions().locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    'settings.json': json(settingsForSupport(input.settings)),
    'workspace-check.json': json({ workspace: input.workspaceDir, ...(await workspaceVerdict(input.workspaceDir)) }),
    'log.txt': strToU8(logTail(input.logFile))
  }
  return zipSync(files, { level: 9, mtime: input.now })
}

export { appLogFile } from '../log/appLog'
