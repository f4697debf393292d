import { existsSync, readFileSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { settingsSchema } from '../../../core/settings/settingsSchema'

/**
 * Before the settings store opens its file: one that is not JSON or does not fit the schema is moved
 * aside (kept, so nothing the user had is lost to the next save) and the store starts from defaults.
 * Returns the note to show the user, or null when the file was fine or absent.
 */
export function rescueSettingsFile(file: string, now: Date): string | null {
  if (!existsSync(file)) return null
  let problem: string
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return null
    const issue = parsed.error.issues[0]
    problem = `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not valid'}`
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e)
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const aside = join(dirname(file), `${basename(file, '.json')}.damaged-${stamp}.json`)
  renameSync(file, aside)
  return `Your settings file could not be read (${problem}). It was moved to ${aside} and default settings are used; window size, theme and recent workspaces start afresh.`
}
