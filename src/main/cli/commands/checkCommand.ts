import { openWorkspace } from '../../backend/openWorkspace'
import { checkDatabase, countRecords } from '../../backend/services/workspaceCheck'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'

export const checkCommand = command({
  ...commandSpecs.check,
  run: async ({ values }) => {
    const dir = values.workspace
    if (typeof dir !== 'string') throw new UsageError('--workspace DIR is required')
    // Read-only: a check never migrates or locks, so it can run beside an open app.
    const ws = await openWorkspace(dir, { readonly: true, fullCheck: true })
    // The database alone: no backend (settings, secrets, the mutation path), so the command loads
    // and starts in a fraction of the time (issue #17: ≤ 200 ms, ≤ 100 MB on the demo).
    try {
      const problems = checkDatabase(ws.db, { sqliteChecked: true })
      const report = { ok: problems.length === 0, schemaVersion: ws.schemaVersion, counts: countRecords(ws.db), problems }
      if (values.json) console.log(JSON.stringify(report, null, 2))
      else {
        console.log(`${report.ok ? 'OK' : 'PROBLEMS'}: ${ws.paths.db} (schema ${report.schemaVersion})`)
        for (const [k, n] of Object.entries(report.counts)) console.log(`  ${k.padEnd(14)} ${n}`)
        for (const p of problems) console.log(`  ! ${p}`)
      }
      return report.ok ? 0 : 1
    } finally {
      ws.close()
    }
  }
})
