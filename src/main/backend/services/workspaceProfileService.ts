import { basename } from 'node:path'
import type { WorkspaceProfile } from '../../../core/domain/workspaceProfile'
import type { Backend } from '../backend'
import type { Row } from '../db/db'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import { recordsAsOf } from '../deck/recordsAsOf'
import { recordService } from './recordService'

export type StoredProfile = WorkspaceProfile & { id: string | null }

type ProfileRecord = WorkspaceProfile & { id: string; updatedAt: string }

/** The newest live profile record today, or at the end of `asOf` (deck/recordsAsOf.ts). */
function profileRecord(b: Backend, asOf: string | null): ProfileRecord | undefined {
  if (asOf !== null)
    return (recordsAsOf(b.db, 'workspaceProfile', asOf) as unknown as ProfileRecord[]).sort((x, y) => y.updatedAt.localeCompare(x.updatedAt) || y.id.localeCompare(x.id))[0]
  const row = b.db.get<Row>(sql`SELECT * FROM workspace_profile WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
  return row ? (recordCodec('workspaceProfile').fromRow(row) as ProfileRecord) : undefined
}

/**
 * The newest live profile, or one named after the workspace folder until someone saves theirs. With
 * `asOf` (a day), the profile as it stood at that day's end: an ended quarter's deck costs its hours
 * at the rate the team had then, not at one set the month after.
 */
export function workspaceProfileOf(b: Backend, asOf: string | null = null): StoredProfile {
  const rec = profileRecord(b, asOf)
  if (!rec) return { id: null, name: basename(b.ws.paths.dir), blendedHourlyRate: 75, currency: 'USD', exchangeRates: {} }
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
