import type { DeskStatsRow } from '../../../src/core/listening/statsTypes'

/** What a test says about a conversation: instants, as a person reads them. */
export type DeskRowSpec = {
  occurredAt?: string
  type?: string
  sentiment?: string
  topic?: string
  state?: string
  firstResponseAt?: string | null
  resolvedAt?: string | null
  firstResponseDueAt?: string | null
  resolutionDueAt?: string | null
}

const hours = (from: string, to: string | null | undefined): number | null => (to == null ? null : (Date.parse(to) - Date.parse(from)) / 3_600_000)
const met = (at: string | null | undefined, due: string | null | undefined): boolean | null => (at == null || due == null ? null : Date.parse(at) <= Date.parse(due))

/** The row the backend's query would give for it (UTC day, hours, met), defaults filled in. */
export function deskRow(spec: DeskRowSpec): DeskStatsRow {
  const occurredAt = spec.occurredAt ?? '2026-07-06T09:00:00.000Z'
  return {
    day: new Date(occurredAt).toISOString().slice(0, 10),
    type: spec.type ?? 'question',
    sentiment: spec.sentiment ?? 'neutral',
    topic: spec.topic ?? 'billing',
    state: spec.state ?? 'new',
    firstResponseHours: hours(occurredAt, spec.firstResponseAt),
    firstResponseMet: met(spec.firstResponseAt, spec.firstResponseDueAt),
    resolutionHours: hours(occurredAt, spec.resolvedAt),
    resolutionMet: met(spec.resolvedAt, spec.resolutionDueAt)
  }
}
