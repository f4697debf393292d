import { restoreWorkspace } from '../../backend/backup/restoreWorkspace'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'

export const restoreCommand = command({
  ...commandSpecs.restore,
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
