import { z } from 'zod'
import { backupEntry } from './transferMethods'

/** A backup from the workspace's backups folder (by file name), or a JSON export's text. */
export const restoreSource = z
  .object({
    backup: z.string().max(300).optional(),
    json: z.string().optional(),
    fileName: z.string().max(300).optional()
  })
  .refine((s) => (s.backup === undefined) !== (s.json === undefined), { message: 'Choose a backup or a JSON export (one of the two)', path: ['backup'] })
export type RestoreSource = z.infer<typeof restoreSource>

/** What a backup or export holds, shown before anything is replaced. */
export const restoreSummary = z.object({
  source: z.enum(['backup', 'json']),
  name: z.string(),
  /** When the backup was made or the export written. */
  madeAt: z.string(),
  schemaVersion: z.number(),
  /** "this version", or which older version wrote it (it is brought up to date when loaded). */
  madeBy: z.string(),
  /** Live records per kind, in the app's words. */
  counts: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number() }))
})
export type RestoreSummary = z.infer<typeof restoreSummary>

export const restoreMethods = {
  'restore-inspect': { input: restoreSource, output: restoreSummary, summary: 'What a backup or JSON export holds (counts per kind, date, version); writes nothing' },
  'restore-apply': {
    input: restoreSource,
    output: z.object({ summary: restoreSummary, safetyBackup: backupEntry }),
    summary: "Replace the workspace's records with a backup or JSON export, all at once, after a safety backup of the current state (restore that one to undo)"
  }
}
