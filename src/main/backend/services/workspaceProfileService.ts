import { basename } from 'node:path'
import type { WorkspaceProfile } from '../../../core/domain/workspaceProfile'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import { recordService } from './recordService'

export type StoredProfile = WorkspaceProfile & { id: string | null }

/** The newest live profile, or one named after the workspace folder until someone saves theirs. */
export function workspaceProfileOf(b: Backend): StoredProfile {
  const row = b.db.get<Row>(sql`SELECT * FROM workspace_profile WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
  if (!row) return { id: null, name: basename(b.ws.paths.dir), blendedHourlyRate: 75, currency: 'USD', exchangeRates: {} }
  const rec = recordCodec('workspaceProfile').fromRow(row) as WorkspaceProfile & { id: string }
  return { id: rec.id, name: rec.name, blendedHourlyRate: rec.blendedHourlyRate, currency: rec.currency, exchangeRates: rec.exchangeRates }
}

/** Save the profile: change the live record if there is one, else create it (through the one write path). */
export function saveWorkspaceProfile(b: Backend, patch: Partial<WorkspaceProfile>): StoredProfile {
  const current = workspaceProfileOf(b)
  // Rates say what another currency is worth in the team's: saved with a new currency and no new
  // rates, the old ones would silently be read in the new one, so they go with the old currency.
  if (patch.currency !== undefined && patch.currency !== current.currency && patch.exchangeRates === undefined) patch = { ...patch, exchangeRates: {} }
  if (current.id === null) recordService.create(b, 'workspaceProfile', { name: current.name, ...patch })
  else recordService.update(b, 'workspaceProfile', { id: current.id, ...patch })
  return workspaceProfileOf(b)
}
