import { demoKinds } from '../../../core/demo/demoData'
import { generateDemo } from '../../../core/demo/generateDemo'
import type { Backend } from '../backend'
import type { Change } from '../mutate'
import { saveWorkspaceProfile } from '../services/workspaceProfileService'
import { countRecords } from '../services/workspaceService'
import { withActing } from '../people/currentMember'
import { meService } from '../people/meService'
import { prepareResults } from '../links/resultsImport'
import { earlierResultsExports } from './sampleExports'
import { localDay } from '../localDay'

export const DEMO_SEED = 20261123

/**
 * Fill an empty workspace with the demo company through the mutation path (so the demo has the same
 * change records a user's data would). Dates are relative to today; the same seed and day give the
 * same workspace.
 */
export function writeDemo(b: Backend, options: { seed?: number; today?: string; contentItems?: number; years?: number; pickMe?: boolean } = {}) {
  const existing = Object.values(countRecords(b.db)).reduce((a, n) => a + n, 0)
  if (existing > 0) throw new Error(`${b.ws.paths.dir} already holds ${existing} records; the demo goes into an empty workspace`)
  const today = options.today ?? localDay(b.now())
  const data = generateDemo({
    seed: options.seed ?? DEMO_SEED,
    today,
    scale: options.contentItems || options.years ? { contentItems: options.contentItems, years: options.years } : undefined
  })
  const changes: Change[] = []
  for (const kind of demoKinds) {
    for (const rec of data[kind] as { id: string }[]) {
      const { id, ...values } = rec
      changes.push({ op: 'create', kind, id, values })
    }
  }
  // The head of marketing owns the demo team and writes it, so its history names her (issue #14).
  const owner = (data.member as { id: string; access?: string }[]).find((m) => m.access === 'owner')
  if (!owner) throw new Error('The demo team has no owner')
  withActing(b, owner.id, () => {
    // One transaction per 5,000 records keeps memory flat for the large benchmark workspaces.
    for (let i = 0; i < changes.length; i += 5000) b.mutate('demo-create', changes.slice(i, i + 5000))
    // The demo company (src/core/demo) and what an hour of its marketing team costs.
    // Euros, as its pipeline goal is counted (HubSpot deals in €): one currency on every screen and slide.
    saveWorkspaceProfile(b, { name: 'Northwind Analytics', blendedHourlyRate: 85, currency: 'EUR' })
    // Results from analytics and the CRM for the months before the sample files' four weeks, through
    // the importer a user runs (its matching, its ledger rows): the Results screen has numbers at once.
    // Not on the undo list: the demo is where the user starts, not a step to take back.
    for (const f of earlierResultsExports(b, Date.parse(`${today}T12:00:00Z`))) {
      const r = prepareResults(b, f)
      if (r.report.errors.length > 0) throw new Error(`The demo's ${f.fileName} did not import: ${r.report.errors[0]?.message ?? ''}`)
      if (r.changes.length > 0) b.mutate('demo-results', r.changes)
    }
  })
  // `smo demo` makes her "me" on this computer; the app's first start lets the person choose instead.
  if (options.pickMe !== false) meService.pick(b, owner.id)
  return countRecords(b.db)
}
