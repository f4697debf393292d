/**
 * Messages between the chaos driver and its worker processes (Node IPC). The worker answers every
 * request once it is between two actions, so an answer always describes a committed state.
 */

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
}

export type RoundResult = { sent: number; received: number; problems: string[]; dev: string }

export type DriverMessage =
  | { t: 'resume' }
  | { t: 'pause' }
  | { t: 'round' }
  | { t: 'report' }
  | { t: 'exit' }

export type WorkerMessage =
  | { t: 'ready'; dev: string; teamId: string }
  | { t: 'paused' }
  | { t: 'round'; result: RoundResult }
  | { t: 'report'; report: ReplicaReport }
  /** One action done while running (counted by the driver). */
  | { t: 'did'; action: 'edit' | 'round' | 'resolve' | 'rejected' }
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
