import type { Settings, SettingsWrite } from '../../../core/settings/settingsSchema'

/** Per-machine settings as the backend sees them; electron-store or conf behind it. */
export type SettingsPort = {
  get: () => Settings
  update: (patch: SettingsWrite) => Settings
}
