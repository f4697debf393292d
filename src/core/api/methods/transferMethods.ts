import { z } from 'zod'
import { kindNames, type KindName } from '../../domain/recordKinds'
import { csvDialectNames } from '../../transfer/exportTable'
import { sampleNames } from '../../transfer/sampleFiles'

const kind = z.enum(kindNames as [KindName, ...KindName[]])

/**
 * The file: its text as the page read it (the desktop host, whose IPC has no size limit, and small
 * calls), or the id of a file streamed to the browser host first (`POST /api/import-upload`), so a
 * file of any size the CLI takes can be imported from the page.
 */
export const importInput = z.object({
  kind,
  fileName: z.string().max(300),
  text: z.string().optional(),
  upload: z
    .string()
    .regex(/^[a-z0-9]{24}$/, 'Must be the id `POST /api/import-upload` returned')
    .optional(),
  /** The person's choices: CSV header → field name, or '' to ignore the column. Unnamed headers are matched automatically. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** The screen's column headers (→ field), so a table exported from the app maps back by itself. */
  aliases: z.record(z.string(), z.string()).optional(),
  /** With an id column: change the records that already exist instead of refusing those rows. */
  updateById: z.boolean().optional(),
  /** The file's bytes in base64 (an XLSX, or a CSV whose encoding the backend should detect), instead of text or upload. */
  data: z.string().optional(),
  /** The workbook sheet to read (default: the first). */
  sheet: z.string().max(200).optional(),
  /** A mapping preset: generic, hootsuite, buffer, sprout, later (content); hootsuite-streams, sprout, brandwatch, mention, talkwalker (conversation). */
  preset: z.string().max(40).optional(),
  /** The answer to "03/04/2026: day or month first?" when the file's dates read both ways. */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** The zone local times are read in (default: the workspace's, this computer's zone). */
  zone: z.string().max(64).optional(),
  /** Create the channels, members and campaigns the file names that do not exist yet. */
  createMissing: z.boolean().optional(),
  /** field → value every row gets (`--set channelId=Blog`). */
  set: z.record(z.string(), z.string()).optional(),
  /** A row that repeats a record (same channel, title and date, or same link or handle): skip it (default), update that record, or keep both. */
  duplicates: z.enum(['skip', 'update', 'keep']).optional()
}).refine((i) => [i.text, i.upload, i.data].filter((x) => x !== undefined).length === 1, { message: 'Give the file as text, bytes or an upload id (one of the three)', path: ['text'] })
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
  hasIdColumn: z.boolean(),
  /** How the file was read, as the preview says it ("CSV, semicolon-separated, Windows-1252; dates day first; times in Europe/Berlin"). */
  source: z.object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    quotedNewlines: z.boolean().optional(),
    sheet: z.string().optional(),
    sheets: z.array(z.string()).optional(),
    decimal: z.enum(['.', ',']),
    dateOrder: z.enum(['ymd', 'dmy', 'mdy']),
    /** The dates read both ways (all days ≤ 12): the person is asked which, with dateOrder. */
    dateQuestion: z.boolean(),
    zone: z.string(),
    preset: z.string().nullable(),
    summary: z.string()
  }).optional(),
  /** Rows that repeat a record already there or an earlier row, with what happens to them. */
  duplicates: z.array(z.object({ row: z.number(), reason: z.string() })).optional(),
  /** Records the file names that do not exist yet (created with createMissing). */
  missing: z.array(z.object({ kind: z.string(), name: z.string() })).optional()
})
export type ImportPreview = z.infer<typeof importPreview>

/** What an import wrote; `tx` is its change (one undo step), null when every row was already up to date. */
export const importResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), tx: z.string().nullable() })
export type ImportResult = z.infer<typeof importResult>

export const importProgress = z.object({
  /** checking: rows are read and checked; writing: one transaction, all rows or none. */
  phase: z.enum(['checking', 'writing', 'done', 'failed', 'cancelled']),
  rowsDone: z.number(),
  rowsTotal: z.number(),
  result: importResult.optional(),
  error: z.string().optional()
})
export type ImportProgress = z.infer<typeof importProgress>

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
    output: importResult,
    summary: 'Import a CSV in one transaction, or nothing at all if any row has a problem'
  },
  'import-start': {
    input: importInput,
    output: z.object({ job: z.string() }),
    summary: 'Start importing a CSV (usually an upload) in the background; follow it with import-progress, stop it with import-cancel'
  },
  'import-progress': { input: z.object({ job: z.string() }), output: importProgress, summary: 'How far a started import is: rows checked, then writing, then done' },
  'import-cancel': {
    input: z.object({ job: z.string() }),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Stop a started import before it writes; nothing is imported and the uploaded file is removed'
  },
  'export-csv': { input: z.object({ kind }), output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }), summary: 'Every live record of a kind as CSV, every field' },
  'export-table': {
    input: z.object({
      table: z.object({
        sheet: z.string().max(200),
        headers: z.array(z.string()),
        types: z.array(z.enum(['text', 'number', 'date', 'datetime', 'bool'])),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])))
      }),
      format: z.enum(['xlsx', 'csv']),
      dialect: z.enum(csvDialectNames).default('utf-8')
    }),
    output: z.object({ data: z.string() }),
    summary: 'A table the page shows (its filtered view) as an XLSX workbook or a CSV file in a dialect, base64'
  },
  'export-json': { input: z.object({}), output: z.object({ fileName: z.string(), json: z.string() }), summary: 'Every live record of every kind as one JSON file' },
  'sample-get': {
    input: z.object({ name: z.enum(sampleNames) }),
    output: z.object({ name: z.string(), text: z.string() }),
    summary: 'One sample export made from this workspace (GA4, HubSpot deals, a Hootsuite bulk sheet, a CRM list; core/transfer/sampleFiles.ts), to try an import on'
  },
  'backup-create': { input: z.object({}), output: backupEntry, summary: 'Copy the workspace database into its backups folder now' },
  'backup-list': { input: z.object({}), output: z.object({ folder: z.string(), items: z.array(backupEntry) }), summary: 'The backups in the workspace folder, newest first' }
}
