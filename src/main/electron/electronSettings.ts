import Store from 'electron-store'
import { settingsSchema, type Settings, type SettingsPatch } from '../../core/settings/settingsSchema'
import type { SettingsPort } from '../backend/settings/settingsPort'

/** Per-machine settings in the desktop host: electron-store, validated by the same zod schema as `conf` in the other hosts. */
export function electronSettings(): SettingsPort {
  const defaults = settingsSchema.parse({})
  const store = new Store<Settings>({ name: 'settings', defaults, clearInvalidConfig: true })
  const read = (): Settings => {
    const parsed = settingsSchema.safeParse(store.store)
    return parsed.success ? parsed.data : defaults
  }
  return {
    get: read,
    update: (patch: SettingsPatch) => {
      const next = settingsSchema.parse({ ...read(), ...patch })
      store.store = next
      return next
    }
  }
}
