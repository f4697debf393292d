import { settingsSchema, type Settings } from '../../../core/settings/settingsSchema'
import type { SettingsPort } from './settingsPort'

/** An in-memory port for tests and one-shot commands that must not touch the user's settings. */
export function memorySettings(initial: Partial<Settings> = {}): SettingsPort {
  let value = settingsSchema.parse(initial)
  return {
    get: () => value,
    update: (patch) => {
      value = settingsSchema.parse({ ...value, ...patch })
      return value
    }
  }
}
