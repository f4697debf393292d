import { join } from 'node:path'
import { app } from 'electron'
import Store from 'electron-store'
import { settingsSchema, type Settings } from '../../core/settings/settingsSchema'
import { rescueSettingsFile } from '../backend/settings/rescueSettingsFile'
import type { SettingsPort } from '../backend/settings/settingsPort'
import { storeSettingsPort } from '../backend/settings/storeSettingsPort'

/**
 * Per-machine settings in the desktop host: electron-store, validated by the same zod schema as `conf`
 * in the other hosts. A damaged file is moved aside first; `note` says so (shown once the app is ready).
 */
export function electronSettings(note: (message: string) => void = () => undefined): SettingsPort {
  const rescued = rescueSettingsFile(join(app.getPath('userData'), 'settings.json'), new Date())
  if (rescued) note(rescued)
  return storeSettingsPort(new Store<Settings>({ name: 'settings', defaults: settingsSchema.parse({}), clearInvalidConfig: true }))
}
