import { restoreWorkspace } from '../../backend/backup/restoreWorkspace'
import { command, UsageError } from '../command'

export const restoreCommand = command({
  name: 'restore',
  summary: "Replace a workspace's database with a backup (the current one is kept in backups/)",
  usage: 'smo restore --workspace DIR --from FILE',
  examples: ['smo restore --workspace ~/smo-demo --from ~/smo-demo/backups/workspace-daily-2026-05-01T08-00-00-000Z.sqlite'],
  options: { workspace: { type: 'string', short: 'w' }, from: { type: 'string' } },
  run: async ({ values }) => {
    const dir = values.workspace
    const from = values.from
    if (typeof dir !== 'string' || dir === '') throw new UsageError('--workspace DIR is required')
    if (typeof from !== 'string' || from === '') throw new UsageError('--from FILE is required (a backup .sqlite file)')
    const r = await restoreWorkspace(dir, from)
    const kept = r.keptCopy ? ` The database it replaced is kept as ${r.keptCopy.path}.` : r.damagedCopy ? ` The damaged database it replaced is kept as ${r.damagedCopy}.` : ''
    console.log(`Restored ${from} into ${dir} (schema ${r.schemaVersion}).${kept}`)
    return 0
  }
})
