import { z } from 'zod'

/**
 * Per-machine settings (never team data). The desktop host stores them with electron-store, the
 * browser host and CLI with conf, both validating against the JSON Schema derived from this one.
 */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  windowBounds: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
      maximized: z.boolean()
    })
    .nullable()
    .default(null),
  deviceName: z.string().max(80).default(''),
  lastWorkspace: z.string().max(4096).nullable().default(null),
  /** Where updates come from (a web address or a shared folder; see updateFeed.ts); null: updates off. */
  updateFeed: z.string().max(4096).nullable().default(null),
  /** File → Open recent, newest first (see recentWorkspaces.ts). */
  recentWorkspaces: z.array(z.string().max(4096)).max(10).default([]),
  /**
   * Team sync, per workspace folder on this machine (two workspaces may share one machine): the
   * chosen team folder. The device id lives in the workspace database; its name is `deviceName`.
   */
  syncFolders: z.record(z.string().max(4096), z.string().max(4096)).default({}),
  /** Small UI state that should survive a restart (current filters, column choices…), by key. */
  ui: z.record(z.string().max(80), z.json()).default({}),
  /**
   * Who "me" is on this computer, per workspace (keyed by the workspace database's own id, so a
   * moved or restored folder keeps it): the member id. Not in `settingsPatch`: only `me-set` changes
   * it, under the switching rules (backend people/meService.ts).
   */
  me: z.record(z.string().max(80), z.string().max(80)).default({})
})

export type Settings = z.infer<typeof settingsSchema>
// Not `.partial()`: zod 4 still fills defaults for missing keys there, so a patch of `{ theme }` would
// reset every other setting (window bounds, device name, the team sync folder) to its default.
const { shape } = settingsSchema
export const settingsPatch = z.object({
  theme: shape.theme.unwrap().optional(),
  windowBounds: shape.windowBounds.unwrap().optional(),
  deviceName: shape.deviceName.unwrap().optional(),
  lastWorkspace: shape.lastWorkspace.unwrap().optional(),
  recentWorkspaces: shape.recentWorkspaces.unwrap().optional(),
  updateFeed: shape.updateFeed.unwrap().optional(),
  syncFolders: shape.syncFolders.unwrap().optional(),
  ui: shape.ui.unwrap().optional()
})
export type SettingsPatch = z.infer<typeof settingsPatch>
/** What the backend itself may write: the API's patch plus "me" (set only through its own rules). */
export type SettingsWrite = SettingsPatch & { me?: Settings['me'] }
