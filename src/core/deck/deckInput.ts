import type { Channel } from '../domain/channel'
import type { ContentItem } from '../domain/contentItem'
import type { Conversation } from '../domain/conversation'
import type { Goal } from '../domain/goal'
import type { Influencer } from '../domain/influencer'
import type { Measurement } from '../domain/measurement'
import type { Member } from '../domain/member'
import type { DeckDesk } from './deskSlides'
import type { DeckLedger } from './ledgerSlide'

/**
 * Everything the quarterly review deck is built from, as plain data: what the backend reads from
 * SQLite (live rows only, no tombstones) for the quarter and the one before it. Only the fields the
 * deck uses are required, so a query can select just those columns; whole domain records fit too.
 * The order of rows does not matter: the builder sorts everything itself.
 */
export type DeckInput = {
  workspaceName: string
  /** 'YYYY-Qn'. */
  quarter: string
  /** ISO instant of the export; printed on every slide, and the only field outside the input hash. */
  generatedAt: string
  /**
   * 'YYYY-MM-DD' the numbers are as of (goal status, pace and cadence adherence depend on it).
   * Default: the generatedAt day, capped at the quarter's last day. Hashed with the rest.
   */
  asOf?: string
  members: readonly DeckMember[]
  /** Goals whose `quarter` is this quarter, the previous one or the next one (proposed goals). */
  goals: readonly DeckGoal[]
  /** Goal measurements (goalId set) dated in either quarter; others are ignored. */
  measurements: readonly DeckMeasurement[]
  /** All channels, whatever their status (retired channels still explain last quarter). */
  channels: readonly DeckChannel[]
  /**
   * Content whose publish day (publishAt, else plannedDate) falls in either quarter. More rows are
   * harmless, only slower; the bench passes a whole workspace.
   */
  contentItems: readonly DeckContentItem[]
  /** All influencers; pipeline movement is read from each one's stageHistory. */
  influencers: readonly DeckInfluencer[]
  /** Conversations that occurred in either quarter. */
  conversations: readonly DeckConversation[]
  /** Decisions and notes the team typed on the Review screen, per slide key (see DeckSlide.key). */
  notes: readonly DeckNote[]
  /** The priority model's recommendation for next quarter, with the team's pins (deckAllocation.ts). */
  hours: readonly DeckHoursRow[]
  /** Expected results per channel and goal for the quarter, from the same model (deckAllocation.ts). */
  predicted: readonly DeckPrediction[]
  /** The allocation scenario in words. */
  scenario: string
  /** Turns hours into money on the results slide: the team's blended hourly rate and currency. */
  money: { hourlyRate: number; currency: string }
  /**
   * For a quarter that has ended: the day whose estimates, pins and goals the deck uses (its last day),
   * rebuilt from the change log, so rebuilding the deck later gives the same numbers. null: live data.
   */
  planAsOf: string | null
  /** The listening desk's numbers for the quarter and the one before (deskSlides.ts); absent: no desk slides. */
  desk?: DeckDesk | null
  /** The outcome ledger summed per campaign over the quarter (ledgerSlide.ts); absent or null: no ledger slide. */
  ledger?: DeckLedger | null
}

export type DeckPrediction = { channelId: string; goalId: string; point: number; low: number | null; high: number | null }

export type DeckMember = Pick<Member, 'id' | 'name' | 'role' | 'weeklyCapacityHours'>
/** `target` may be null: a goal tracked without a target. `notes` are printed with the goal. A rate goal's results are never summed. */
export type DeckGoal = Pick<
  Goal,
  'id' | 'objective' | 'driver' | 'kind' | 'kpiName' | 'kpiUnit' | 'baseline' | 'target' | 'stretchTarget' | 'quarter' | 'ownerId' | 'priority' | 'notes'
>
export type DeckMeasurement = Pick<Measurement, 'id' | 'goalId' | 'date' | 'value' | 'source'>
export type DeckChannel = Pick<
  Channel,
  'id' | 'name' | 'platform' | 'status' | 'ownerId' | 'cadencePerWeek' | 'hoursPerPost' | 'fixedHoursPerMonth' | 'costPerMonth' | 'goalLinks'
>
export type DeckContentItem = Pick<
  ContentItem,
  | 'id'
  | 'title'
  | 'channelId'
  | 'goalId'
  | 'ownerId'
  | 'status'
  | 'plannedDate'
  | 'publishAt'
  | 'effortHours'
  | 'resultReach'
  | 'resultEngagements'
  | 'resultClicks'
  | 'resultConversions'
>
export type DeckInfluencer = Pick<Influencer, 'id' | 'name' | 'stage' | 'stageHistory' | 'ownerId' | 'createdAt'>
export type DeckConversation = Pick<
  Conversation,
  'id' | 'occurredAt' | 'channelId' | 'type' | 'sentiment' | 'state' | 'assigneeId' | 'assignedAt' | 'resolvedAt' | 'tags'
>

/** A note typed on one slide of one quarter's deck. Slide keys are stable: 'summary', 'goal:<goalId>'… */
export type DeckNote = { id: string; slideKey: string; text: string; author: string; updatedAt: string }

/** A decision a person took over the model's advice (SCORING.md "Overrides"). */
export type DeckDecision = {
  /** pin: keep at least these hours; exclude: no hours; override: exactly these hours. */
  kind: 'pin' | 'exclude' | 'override'
  hoursPerWeek: number | null
  reason: string
  decidedBy: string
  /** 'YYYY-MM-DD' */
  date: string
}

export type DeckHoursRow = {
  channelId: string
  currentHoursPerWeek: number
  /** After the decision is applied, i.e. the hours the team will plan with. */
  recommendedHoursPerWeek: number
  /** What the model alone would have recommended, when a decision changed it. */
  engineHoursPerWeek: number | null
  decision: DeckDecision | null
}
