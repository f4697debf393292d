import type { ModelChannel, ModelGoal, ModelInput, ModelPost } from '../../../../src/core/scoring'

export const TODAY = '2026-11-16'

export function goal(id: string, over: Partial<ModelGoal> = {}): ModelGoal {
  return { id, name: id, kind: 'count', unit: '', baseline: 0, target: 100, stretchTarget: null, current: 0, weight: 1, periodStart: '2026-10-01', periodEnd: '2026-12-31', ...over }
}

export function channel(id: string, over: Partial<ModelChannel> = {}): ModelChannel {
  return {
    id, name: id, platform: 'linkedin', status: 'active', audience: 10_000, organicReachShare: null, reachNote: '', postsPerWeek: 2, hoursPerPost: 2,
    fixedHoursPerMonth: 0, costPerMonth: 0, confidence: 0.5, links: [{ goalId: 'G1', rate: 1 }], trialHoursPerWeek: null, ...over
  }
}

/** n posts of the channel, one every 3 days back from TODAY, with the given reach and conversions for goal key g1. */
export function posts(channelId: string, n: number, reach: (i: number) => number, conversions: (i: number) => number | null = () => null): ModelPost[] {
  const end = Date.parse(`${TODAY}T00:00:00Z`)
  return Array.from({ length: n }, (_, i) => ({
    channelId,
    goalKey: 'g1',
    date: new Date(end - (i + 1) * 3 * 86_400_000).toISOString().slice(0, 10),
    reach: reach(i),
    conversions: conversions(i)
  }))
}

export function input(over: Partial<ModelInput> = {}): ModelInput {
  const goals = over.goals ?? [goal('G1')]
  return {
    channels: [channel('A')],
    posts: [],
    members: [{ id: 'M1', name: 'Priya', capacityHours: 30, otherWorkHours: 10, plannedContentHours: 16 }, { id: 'M2', name: 'Tom', capacityHours: 20, otherWorkHours: 16, plannedContentHours: 2 }],
    pins: [],
    ...over,
    goals,
    goalKeys: over.goalKeys ?? new Map(goals.map((g) => [g.id, g.id.toLowerCase()]))
  }
}
