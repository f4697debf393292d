import { createBackup } from '../backup/createBackup'
import { sampleExport } from '../demo/sampleExports'
import { listBackups } from '../backup/listBackups'
import type { HandlerTable } from '../handlerTable'
import { removeUpload } from './importUploads'
import { cancelImport, importProgress, startImport } from './importJobs'
import { localZone } from '../localDay'
import { exportCsv, tableFile } from './transferExport'
import { applyImport, previewImport } from './transferImport'
import { exportJson } from './transferJson'
import { applyRestore, inspectRestore } from './restoreService'

/** Spreadsheets in and out, the JSON export and backups: handlers.ts spreads this table into the one every host dispatches into. */
export const transferHandlers: Partial<HandlerTable> = {
  'import-preview': (b, i) => previewImport(b, i),
  'import-apply': async (b, i) => {
    const r = await applyImport(b, i)
    removeUpload(b.ws.paths.dir, i.upload)
    return r
  },
  'import-start': (b, i) => startImport(b, i),
  'import-progress': (b, i) => importProgress(b, i.job),
  'import-cancel': (b, i) => cancelImport(b, i.job),
  'export-csv': (b, i) => exportCsv(b, i.kind),
  // The page runs on this computer, so its local times are this zone's (as the importer reads them back).
  'export-table': async (_b, i) => ({ data: (await tableFile(i.table, i.format, i.dialect ?? 'utf-8', localZone())).toString('base64') }),
  'export-json': (b) => exportJson(b),
  'sample-get': (b, i) => ({ name: i.name, text: sampleExport(b, i.name) }),
  'backup-create': (b) => createBackup(b.db.raw, b.ws.paths.backups, 'manual', b.now()),
  'backup-list': (b) => ({ folder: b.ws.paths.backups, items: listBackups(b.ws.paths.backups) }),
  'restore-inspect': (b, i) => inspectRestore(b, i),
  'restore-apply': (b, i) => applyRestore(b, i)
}
