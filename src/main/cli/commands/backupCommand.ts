import { resolve } from 'node:path'
import { createBackup } from '../../backend/backup/createBackup'
import { command } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

export const backupCommand = command({
  ...commandSpecs.backup,
  run: async ({ values }) => {
    // Read-only and unlocked: SQLite's backup API copies a consistent snapshot beside a running app.
    const b = await openCliBackend(values, { readonly: true })
    try {
      const out = typeof values.out === 'string' && values.out !== '' ? resolve(values.out) : undefined
      const entry = await createBackup(b.db.raw, b.ws.paths.backups, 'manual', b.now(), out)
      console.log(`Backed up ${b.ws.paths.db} to ${entry.path} (${Math.round(entry.size / 1024)} KB)`)
      return 0
    } finally {
      b.close()
    }
  }
})
