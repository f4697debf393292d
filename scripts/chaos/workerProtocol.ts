/**
 * Messages between the chaos driver and its worker processes (Node IPC). The worker answers every
 * request once it is between two actions, so an answer always describes a committed state.
 */
import type { AccessRole } from '../../src/core/sync/access/memberRoles'

/** What one replica holds at quiescence: enough for I1 (digests), I2 (heads, marks) and I10. */
export type ReplicaReport = {
  dev: string
  /** replicaDigest: per field the shown value and every head (ids, stamps, values), plus parked ops. */
  digest: string
  /** The "Needs review" inbox as text (open conflict sets). */
  conflicts: string
  /** The app tables the workers edit, without local-only columns (created/updated times). */
  tables: string
  /** Every field head as `tbl/row/col` → op ids. */
  heads: Record<string, string[]>
  /** High-water mark per device (own device: last local seq). */
  hwm: Record<string, number>
  waiting: number
  gaps: number
  forks: number
  /** Last seq this replica published of its own. */
  published: number
  /** Signed teams: what sync_refused lists, one `dev seq who: reason` line per refused change. */
  refused: string[]
}

/** A signed team for the workers (runChaos `signed`); absent: an unsigned team as before. */
export type WorkerTeam = {
  roster?: Record<string, AccessRole>
  /** The root owner's member name (whom an attacker's changed app pretends to be). */
  owner?: string
  /** Set for an attacking worker: where it logs its attacks. */
  attackLog?: string
}

export type RoundResult = { sent: number; received: number; problems: string[]; dev: string }

export type DriverMessage =
  | { t: 'resume' }
  | { t: 'pause' }
  | { t: 'round' }
  | { t: 'report' }
  | { t: 'exit' }
  /** The owner's computer: admit waiting computers; a role per member name (null: keep the role). */
  | { t: 'admit'; roles: Record<string, AccessRole | null> }
  | { t: 'demote'; member: string }

export type WorkerMessage =
  | { t: 'ready'; dev: string; teamId: string; key: string }
  | { t: 'admitted'; count: number }
  | { t: 'demoted'; ok: boolean }
  | { t: 'paused' }
  | { t: 'round'; result: RoundResult }
  | { t: 'report'; report: ReplicaReport }
  /** One action done while running (counted by the driver). */
  | { t: 'did'; action: 'edit' | 'round' | 'resolve' | 'rejected' | 'attack' }
  /** The device id changed (a re-key): the driver must know which folder the view owns now. */
  | { t: 'dev'; dev: string; from: string }
  /** An exception the engine should never throw; the driver reports it as a breach. */
  | { t: 'error'; message: string }

export function isWorkerMessage(v: unknown): v is WorkerMessage {
  return typeof v === 'object' && v !== null && typeof (v as { t?: unknown }).t === 'string'
}

export function isDriverMessage(v: unknown): v is DriverMessage {
  return typeof v === 'object' && v !== null && typeof (v as { t?: unknown }).t === 'string'
}
