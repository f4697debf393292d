import { demoCampaigns } from './demoCampaigns'
import { demoLinkConvention } from './demoLinkConvention'
import { demoChannels } from './demoChannels'
import { demoContent } from './demoContent'
import { demoContext } from './demoContext'
import { demoConversations } from './demoConversations'
import { kindNames } from '../domain/recordKinds'
import type { DemoData, DemoFilled, DemoOptions } from './demoData'
import { demoGoalIds, demoGoals } from './demoGoals'
import { demoInfluencers } from './demoInfluencers'
import { demoDesk } from './demoDesk'
import { demoExperts } from './demoExperts'
import { demoMembers } from './demoMembers'
import { demoSharing } from './demoSharing'

export { demoKinds, type DemoData, type DemoFilled, type DemoKind, type DemoOptions, type DemoRecord } from './demoData'

/**
 * A believable workspace for "Northwind Analytics", a data-observability SaaS: its marketing team,
 * goals for the current and six past calendar quarters with weekly measurements up to `today`,
 * channels with their history (demoChannelHistory: cadence changes, X declining, LinkedIn and the
 * newsletter taking off), campaigns, a content calendar with published results, an influencer
 * pipeline and an inbox of conversations.
 *
 * Pure and deterministic: the same seed and today give deep-equal output (ids included), nothing
 * reads the clock or the machine. Every record passes its kind's `fields` schema and `check`.
 * `scale` makes bigger workspaces for benchmarks (e.g. 100,000 content items over five years).
 */
export function generateDemo(options: DemoOptions): DemoData {
  const ctx = demoContext(options)
  const team = demoMembers(ctx)
  const goalIds = demoGoalIds(ctx)
  const channels = demoChannels(ctx, team, goalIds)
  const campaigns = demoCampaigns(ctx, team, goalIds)
  const { items: content, ledger } = demoContent(ctx, team, goalIds, channels, campaigns)
  // Goals come last: the pipeline goals add up what the content brought.
  const goals = demoGoals(ctx, team, goalIds, ledger)
  const influencers = demoInfluencers(ctx, team)
  const experts = demoExperts(ctx, team)
  const desk = demoDesk(ctx, team, experts, goalIds, demoConversations(ctx, team, experts, channels, influencers))
  const conversations = desk.conversations
  const sharing = demoSharing(ctx, team, channels, content, { campaign: campaigns.records, conversation: conversations, influencer: influencers })
  const filled: DemoFilled = {
    member: team.records,
    goal: goals.records,
    measurement: [...goals.measurements, ...channels.measurements],
    channel: channels.records,
    campaign: campaigns.records,
    content,
    influencer: influencers,
    conversation: conversations,
    expert: [...experts.records, ...desk.experts],
    watch: desk.watch,
    routingRule: desk.routingRule,
    escalationLadder: desk.escalationLadder,
    approvedAnswer: desk.approvedAnswer,
    handoff: desk.handoff,
    deskPolicy: desk.deskPolicy,
    linkConvention: demoLinkConvention(ctx),
    ...sharing
  }
  // Kinds the generator does not make (overrides and snapshots are made by people and by scoring)
  // come back empty, whichever kinds exist, so callers can loop over every kind name.
  const empty = Object.fromEntries(kindNames.map((k) => [k, []])) as unknown as DemoData
  return Object.assign(empty, filled)
}
