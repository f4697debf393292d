import { recordKinds } from '../../../core/domain/recordKinds'
import { recordRepo } from '../../backend/repo/recordRepo'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

/** A team starting from its spreadsheets: an empty workspace to `smo import` into. */
export const newCommand = command({
  ...commandSpecs.new,
  run: async ({ values }) => {
    const b = await openCliBackend(values, { create: true, lock: 'smo new' })
    try {
      const held = (Object.keys(recordKinds) as (keyof typeof recordKinds)[]).filter((k) => recordRepo.count(b.db, k) > 0)
      if (held.length > 0) throw new UsageError(`${b.ws.paths.dir} already holds a workspace with ${held.map((k) => recordKinds[k].plural.toLowerCase()).join(', ')}; choose a new folder`)
      console.log(`Empty workspace ready in ${b.ws.paths.dir}`)
      return 0
    } finally {
      b.close()
    }
  }
})
