import { createBackup } from '../backup/createBackup'
import { listBackups } from '../backup/listBackups'
import type { HandlerTable } from '../handlers'
import { exportCsv } from './transferExport'
import { applyImport, previewImport } from './transferImport'
import { exportJson } from './transferJson'

/** Spreadsheets in and out, the JSON export and backups: handlers.ts spreads this table into the one every host dispatches into. */
export const transferHandlers: Partial<HandlerTable> = {
  'import-preview': (b, i) => previewImport(b, i),
  'import-apply': (b, i) => applyImport(b, i),
  'export-csv': (b, i) => exportCsv(b, i.kind),
  'export-json': (b) => exportJson(b),
  'backup-create': (b) => createBackup(b.db.raw, b.ws.paths.backups, 'manual', b.now()),
  'backup-list': (b) => ({ folder: b.ws.paths.backups, items: listBackups(b.ws.paths.backups) })
}
