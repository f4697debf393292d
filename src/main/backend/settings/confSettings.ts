import { join } from 'node:path'
import { z } from 'zod'
import { settingsSchema, type Settings } from '../../../core/settings/settingsSchema'
import type { SettingsPort } from './settingsPort'
import { rescueSettingsFile } from './rescueSettingsFile'
import { storeSettingsPort } from './storeSettingsPort'
import { jsonFileStore } from './jsonFileStore'

/**
 * Settings for the browser host and the CLI: the same schema and file as the desktop host's
 * electron-store, in the same user-data folder (jsonFileStore writes the format it reads).
 */
export function confSettings(cwd: string, note: (message: string) => void = (m) => console.warn(`smo: ${m}`)): SettingsPort {
  const rescued = rescueSettingsFile(join(cwd, 'settings.json'), new Date())
  if (rescued) note(rescued)
  return storeSettingsPort(jsonFileStore<Settings>(join(cwd, 'settings.json'), settingsSchema.parse({})))
}

// Kept in its own file so a one-shot command (smo check) does not load the settings schema.
export { memorySettings } from './memorySettings'

export const settingsJsonSchema = () => z.toJSONSchema(settingsSchema, { io: 'input' })
