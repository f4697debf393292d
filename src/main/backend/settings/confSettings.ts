import { join } from 'node:path'
import Conf from 'conf'
import { z } from 'zod'
import { settingsSchema, type Settings } from '../../../core/settings/settingsSchema'
import type { SettingsPort } from './settingsPort'
import { rescueSettingsFile } from './rescueSettingsFile'
import { storeSettingsPort } from './storeSettingsPort'

/**
 * Settings for the browser host and the CLI: the same schema as the desktop host's electron-store,
 * stored by `conf` (electron-store's own engine) in the same user-data folder.
 */
export function confSettings(cwd: string, note: (message: string) => void = (m) => console.warn(`smo: ${m}`)): SettingsPort {
  const rescued = rescueSettingsFile(join(cwd, 'settings.json'), new Date())
  if (rescued) note(rescued)
  const store = new Conf<Settings>({ projectName: 'smo-desk', cwd, configName: 'settings', defaults: settingsSchema.parse({}), clearInvalidConfig: true })
  return storeSettingsPort(store)
}

// Kept in its own file so a one-shot command (smo check) does not load conf and its JSON-schema validator.
export { memorySettings } from './memorySettings'

export const settingsJsonSchema = () => z.toJSONSchema(settingsSchema, { io: 'input' })
