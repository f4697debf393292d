import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { WorkspaceError } from '../workspaceError'
import type { SecretPort, SecretProtection } from './secretPort'

const fileSchema = z.object({ magic: z.literal('smo-desk-secrets'), format: z.literal(1), secrets: z.record(z.string(), z.string()) })

export const SECRETS_FILE = 'secrets.json'

const DEFAULT_DETAIL =
  'Saved in a file in your user settings folder that only your user account may read (file permissions, not an OS keychain).'

/**
 * Secrets for the browser host and the CLI (and the desktop app when the OS offers no keychain):
 * one JSON file in the per-machine user-data folder, next to the `conf` settings. This is
 * file-permission protection only — mode 0600 on macOS and Linux, the per-user profile folder's ACL
 * on Windows (where Node ignores the mode) — not encryption: whoever can read this user's files can
 * read the keys. It still keeps them out of the workspace database, which is what gets copied into
 * backups and passed around.
 *
 * Every write goes to a fresh temp file (created 0600, so the key is never readable by others even
 * for a moment) that is fsynced and renamed over the old one, so a crash leaves the old file or the
 * new one, never half. A file that does not parse is reported and left alone: overwriting it would
 * silently drop the keys of every other workspace on this machine.
 */
export function fileSecrets(dir: string, detail: string = DEFAULT_DETAIL): SecretPort {
  const file = join(dir, SECRETS_FILE)
  const protection: SecretProtection = { kind: 'file-permissions', detail }

  const read = (): Record<string, string> => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return {}
      throw e
    }
    // JSON.parse's own message quotes the text, which may hold a key: it is never passed on.
    let value: unknown = null
    try {
      value = JSON.parse(text)
    } catch {
      value = null
    }
    const parsed = fileSchema.safeParse(value)
    if (!parsed.success)
      throw new WorkspaceError(
        'corrupt',
        `${file} (the team keys saved on this computer) is damaged, so SMO Desk left it untouched. Move it aside and enter the team passphrase again.`
      )
    return parsed.data.secrets
  }

  const write = (secrets: Record<string, string>): void => {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
    const body = JSON.stringify({ magic: 'smo-desk-secrets', format: 1, secrets } satisfies z.infer<typeof fileSchema>, null, 2)
    try {
      const fd = openSync(tmp, 'wx', 0o600)
      try {
        writeSync(fd, body)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(tmp, file)
    } catch (e) {
      rmSync(tmp, { force: true })
      throw e
    }
  }

  return {
    protection,
    get: (name) => {
      const secrets = read()
      return Object.hasOwn(secrets, name) ? (secrets[name] ?? null) : null
    },
    // Read right before writing, so keys another process saved meanwhile are kept.
    set: (name, value) => write({ ...read(), [name]: value }),
    delete: (name) => {
      const secrets = read()
      if (!Object.hasOwn(secrets, name)) return
      const { [name]: _gone, ...rest } = secrets
      write(rest)
    }
  }
}
