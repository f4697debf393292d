import { z } from 'zod'
import { workspaceProfile } from '../../domain/workspaceProfile'
import { settingsPatch, settingsSchema } from '../../settings/settingsSchema'

const counts = z.object({
  members: z.number(),
  goals: z.number(),
  measurements: z.number(),
  channels: z.number(),
  campaigns: z.number(),
  contentItems: z.number(),
  influencers: z.number(),
  conversations: z.number()
})

export const workspaceInfo = z.object({
  name: z.string(),
  path: z.string(),
  schemaVersion: z.number(),
  deviceId: z.string(),
  counts
})

const changeEntry = z.object({
  tx: z.string(),
  hlc: z.string(),
  label: z.string(),
  at: z.string(),
  changes: z.array(z.object({ kind: z.string(), id: z.string(), field: z.string(), from: z.json(), to: z.json() }))
})

/** Workspace-wide methods: info, integrity check, per-machine settings and the change history. */
export const workspaceMethods = {
  'workspace-info': { input: z.object({}), output: workspaceInfo, summary: 'Name, path, schema version and record counts' },
  'workspace-check': {
    input: z.object({}),
    output: z.object({ ok: z.boolean(), schemaVersion: z.number(), counts, problems: z.array(z.string()) }),
    summary: 'Integrity check of the workspace database'
  },
  'settings-get': { input: z.object({}), output: settingsSchema, summary: 'Per-machine settings' },
  'settings-update': { input: settingsPatch, output: settingsSchema, summary: 'Change per-machine settings' },
  // One key of `ui`, merged in the backend: a page going away can send it without reading `ui` first.
  'settings-ui-set': {
    input: z.object({ key: z.string().min(1).max(80), value: z.json() }),
    output: settingsSchema,
    summary: 'Change one piece of the screen state kept on this computer (a filter, a view)'
  },
  'workspace-profile-get': {
    input: z.object({}),
    output: workspaceProfile.fields.extend({ id: z.string().nullable() }),
    summary: "The team's name, blended hourly rate and currency"
  },
  'workspace-profile-save': {
    input: workspaceProfile.fields.partial(),
    output: workspaceProfile.fields.extend({ id: z.string().nullable() }),
    summary: "Change the team's name, blended hourly rate or currency"
  },
  'change-list': {
    input: z.object({ kind: z.string().optional(), id: z.string().optional(), limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ items: z.array(changeEntry) }),
    summary: 'Recent changes (newest first), optionally for one record'
  }
}
