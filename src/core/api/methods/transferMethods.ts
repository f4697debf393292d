import { z } from 'zod'
import { kindNames, type KindName } from '../../domain/recordKinds'

const kind = z.enum(kindNames as [KindName, ...KindName[]])

/** The file as the page read it (the browser and the desktop host both send text, never a path). */
export const importInput = z.object({
  kind,
  fileName: z.string().max(300),
  // The HTTP host takes bodies up to 8 MB; this leaves room for the envelope.
  text: z.string().max(7_500_000, 'The file is larger than 7.5 MB; split it or use `smo import`'),
  /** The person's choices: CSV header → field name, or '' to ignore the column. Unnamed headers are matched automatically. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** The screen's column headers (→ field), so a table exported from the app maps back by itself. */
  aliases: z.record(z.string(), z.string()).optional(),
  /** With an id column: change the records that already exist instead of refusing those rows. */
  updateById: z.boolean().optional()
})
export type ImportInput = z.infer<typeof importInput>

export const rowProblem = z.object({ row: z.number(), field: z.string().nullable(), label: z.string(), column: z.string().nullable(), message: z.string() })

export const importField = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional()
})

export const importPreview = z.object({
  fileName: z.string(),
  headers: z.array(z.string()),
  /** Per header: the first non-blank cell, so the mapping step can show what a column holds. */
  examples: z.array(z.string()),
  /** Per header (same order): the field it fills, or null when ignored. */
  mapping: z.array(z.string().nullable()),
  fields: z.array(importField),
  rows: z.number(),
  creates: z.number(),
  updates: z.number(),
  /** Every problem up to 1,000 (problemCount says how many in all). */
  problems: z.array(rowProblem),
  problemCount: z.number(),
  /** The first rows as they will be stored (display strings per field), to check the mapping by eye. */
  sample: z.array(z.object({ row: z.number(), values: z.record(z.string(), z.string()) })),
  hasIdColumn: z.boolean()
})
export type ImportPreview = z.infer<typeof importPreview>

export const backupEntry = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number(),
  createdAt: z.string(),
  reason: z.enum(['daily', 'manual', 'migration', 'before-restore', 'other'])
})
export type BackupEntry = z.infer<typeof backupEntry>

/** CSV import/export, the JSON export of everything, and local backups. */
export const transferMethods = {
  'import-preview': { input: importInput, output: importPreview, summary: 'Read a CSV, map its columns and list every row problem (writes nothing)' },
  'import-apply': {
    input: importInput,
    output: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
    summary: 'Import a CSV in one transaction, or nothing at all if any row has a problem'
  },
  'export-csv': { input: z.object({ kind }), output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }), summary: 'Every live record of a kind as CSV, every field' },
  'export-json': { input: z.object({}), output: z.object({ fileName: z.string(), json: z.string() }), summary: 'Every live record of every kind as one JSON file' },
  'backup-create': { input: z.object({}), output: backupEntry, summary: 'Copy the workspace database into its backups folder now' },
  'backup-list': { input: z.object({}), output: z.object({ folder: z.string(), items: z.array(backupEntry) }), summary: 'The backups in the workspace folder, newest first' }
}
