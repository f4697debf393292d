import { settingsSchema, type Settings, type SettingsWrite } from '../../../core/settings/settingsSchema'
import type { SettingsPort } from './settingsPort'

/**
 * A settings port over a JSON store with a `store` property — `conf` in the browser host and CLI,
 * `electron-store` (built on conf) in the desktop host — validated by the one zod schema, so a
 * hand-edited or older file falls back to defaults instead of breaking the app.
 */
export function storeSettingsPort(store: { store: Settings }): SettingsPort {
  const defaults = settingsSchema.parse({})
  const read = (): Settings => {
    const parsed = settingsSchema.safeParse(store.store)
    return parsed.success ? parsed.data : defaults
  }
  return {
    get: read,
    update: (patch: SettingsWrite) => {
      const next = settingsSchema.parse({ ...read(), ...patch })
      store.store = next
      return next
    }
  }
}
