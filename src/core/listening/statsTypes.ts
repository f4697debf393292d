/**
 * The listening desk's numbers (issue #16 "Numbers"): what the Conversations dashboard draws and the
 * quarterly deck's desk slides print. Plain data, computed by statsOfDesk from rows the backend reads;
 * every count is over conversations that occurred in [from, to].
 */

/**
 * One conversation, reduced to what the numbers need: its UTC day and both clocks already turned into
 * hours (the backend lets SQLite do the date arithmetic, 100,000 rows at a time).
 */
export type DeskStatsRow = {
  /** 'YYYY-MM-DD', the UTC day it came in. */
  day: string
  type: string
  sentiment: string
  /** '' when the conversation has no topic. */
  topic: string
  state: string
  /** Hours from coming in to the first response; null while unanswered. */
  firstResponseHours: number | null
  /** Whether that response came by its due time; null when no target applied. */
  firstResponseMet: boolean | null
  resolutionHours: number | null
  resolutionMet: boolean | null
}

/**
 * The same conversation as an array, in the order SQLite hands a row back: day, type, sentiment,
 * topic, state, first-response hours, first response met (1, 0 or null), resolution hours, resolution
 * met. At 100,000 rows, an object per row was a good part of the dashboard's time in garbage collection.
 */
export type DeskStatsTuple = readonly [string, string, string, string, string, number | null, number | null, number | null, number | null, ...unknown[]]

/** One logged escalation; `team` is the team of the person it went to ('' when unknown). */
export type DeskStatsEscalation = { at: string; team: string }

/** One hand-off (a lead sent to CRM) and what it became ('open', 'opportunity', 'won', …). */
export type DeskStatsHandoff = { at: string; outcome: string }

export type DeskStatsInput = {
  rows: readonly DeskStatsRow[]
  escalations: readonly DeskStatsEscalation[]
  handoffs: readonly DeskStatsHandoff[]
  /** First and last day counted, 'YYYY-MM-DD' inclusive (UTC days). */
  from: string
  to: string
}

/** A clock's record over the period: how long it took, and how often within target. */
export type DeskClockStats = {
  /** Median wall-clock hours from occurrence to the first response (or resolution); null without any. */
  medianHours: number | null
  /** Conversations the clock stopped for (answered, resolved). */
  stopped: number
  /** Of those with a due time, how many stopped on or before it. */
  withinTarget: number
  withTarget: number
  /** withinTarget / withTarget; null when none had a target. */
  share: number | null
}

export type DeskSeries = { name: string; values: number[] }

export type DeskStats = {
  from: string
  to: string
  total: number
  byState: { state: string; count: number }[]
  firstResponse: DeskClockStats
  resolution: DeskClockStats
  /** Per conversation type: volume and both clocks, for "response times vs target". */
  byType: { type: string; count: number; firstResponse: DeskClockStats; resolution: DeskClockStats }[]
  /** Bucket of the time series: weeks (starting Monday) for a quarter or less, months beyond. */
  bucket: 'week' | 'month'
  /** First day of each bucket, 'YYYY-MM-DD'. */
  periods: string[]
  volumeByType: DeskSeries[]
  sentiment: DeskSeries[]
  /** The most frequent topics, one series each; the rest summed as 'Other topics'. */
  topics: DeskSeries[]
  escalations: number
  escalationsByTeam: { team: string; count: number }[]
  handoffs: number
  handoffsByOutcome: { outcome: string; count: number }[]
}
