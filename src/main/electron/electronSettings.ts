import Store from 'electron-store'
import { settingsSchema, type Settings } from '../../core/settings/settingsSchema'
import type { SettingsPort } from '../backend/settings/settingsPort'
import { storeSettingsPort } from '../backend/settings/storeSettingsPort'

/** Per-machine settings in the desktop host: electron-store, validated by the same zod schema as `conf` in the other hosts. */
export function electronSettings(): SettingsPort {
  return storeSettingsPort(new Store<Settings>({ name: 'settings', defaults: settingsSchema.parse({}), clearInvalidConfig: true }))
}
