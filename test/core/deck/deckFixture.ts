import type { DeckContentItem, DeckInput } from '../../../src/core/deck/deckInput'

/**
 * A small fixed workspace for 2026-Q3 (1 Jul – 30 Sep, 92 days) and 2026-Q2, built so every number on
 * the slides can be worked out by hand (see deckModel.test.ts). Names in Cyrillic and Greek check
 * that the PDF font covers them.
 */
const item = (p: Partial<DeckContentItem> & Pick<DeckContentItem, 'id' | 'title'>): DeckContentItem => ({
  channelId: null,
  goalId: null,
  ownerId: null,
  status: 'published',
  plannedDate: null,
  publishAt: null,
  effortHours: 1,
  resultReach: null,
  resultEngagements: null,
  resultClicks: null,
  resultConversions: null,
  ...p
})

export function deckFixture(): DeckInput {
  return {
    workspaceName: 'Acme Marketing',
    quarter: '2026-Q3',
    generatedAt: '2026-10-02T09:00:00Z',
    members: [
      { id: 'M1', name: 'Ana Ruiz', role: 'Head of marketing', weeklyCapacityHours: 32 },
      { id: 'M2', name: 'Ben Okafor', role: 'Social manager', weeklyCapacityHours: 36 }
    ],
    goals: [
      { id: 'G1', objective: 'Grow qualified pipeline', driver: 'revenue', kind: 'count', stretchTarget: null, kpiName: 'Leads', kpiUnit: 'leads', baseline: 0, target: 120, quarter: '2026-Q3', ownerId: 'M1', priority: 5, notes: 'The buyer’s guide did most of it 🚀' },
      { id: 'G2', objective: 'Faster first reply', driver: 'customer_care', kind: 'count', stretchTarget: null, kpiName: 'First reply', kpiUnit: 'h', baseline: 24, target: 8, quarter: '2026-Q3', ownerId: 'M2', priority: 4, notes: '' },
      { id: 'G3', objective: 'Newsletter subscribers', driver: 'reach', kind: 'count', stretchTarget: null, kpiName: 'Subscribers', kpiUnit: '', baseline: 1000, target: 1500, quarter: '2026-Q3', ownerId: null, priority: 3, notes: '' },
      { id: 'G0', objective: 'Spring pipeline', driver: 'revenue', kind: 'count', stretchTarget: null, kpiName: 'Leads', kpiUnit: 'leads', baseline: 0, target: 100, quarter: '2026-Q2', ownerId: 'M1', priority: 5, notes: '' }
    ],
    measurements: [
      { id: 'X3', goalId: 'G1', date: '2026-09-30', value: 130, source: 'crm' },
      { id: 'X1', goalId: 'G1', date: '2026-07-31', value: 40, source: 'crm' },
      { id: 'X2', goalId: 'G1', date: '2026-08-31', value: 90, source: 'crm' },
      { id: 'X4', goalId: 'G2', date: '2026-08-15', value: 16, source: 'helpdesk' },
      { id: 'X5', goalId: 'G2', date: '2026-09-30', value: 10, source: 'helpdesk' },
      { id: 'X0', goalId: 'G0', date: '2026-06-30', value: 100, source: 'crm' }
    ],
    channels: [
      { id: 'C2', name: 'Blog', platform: 'blog', status: 'active', ownerId: 'M1', cadencePerWeek: 1, hoursPerPost: 6, fixedHoursPerMonth: 0, costPerMonth: 0, goalLinks: [{ goalId: 'G1', rate: 2 }, { goalId: 'G3', rate: 5 }] },
      { id: 'C1', name: 'LinkedIn company page', platform: 'linkedin', status: 'active', ownerId: 'M2', cadencePerWeek: 3, hoursPerPost: 2, fixedHoursPerMonth: 4, costPerMonth: 500, goalLinks: [{ goalId: 'G1', rate: 1 }] },
      { id: 'C3', name: 'Old forum', platform: 'forum', status: 'retired', ownerId: null, cadencePerWeek: 0, hoursPerPost: 1, fixedHoursPerMonth: 0, costPerMonth: 0, goalLinks: [] }
    ],
    contentItems: [
      item({ id: 'K1', title: 'Launch post', channelId: 'C1', goalId: 'G1', publishAt: '2026-07-02T08:00:00Z', effortHours: 2, resultReach: 5000, resultConversions: 10, resultEngagements: 300, resultClicks: 120 }),
      item({ id: 'K2', title: 'Customer quote', channelId: 'C1', goalId: 'G1', publishAt: '2026-07-03T08:00:00Z', effortHours: 2, resultReach: 3000, resultConversions: 5 }),
      item({ id: 'K3', title: 'Team photo', channelId: 'C1', goalId: 'G1', publishAt: '2026-07-04T08:00:00Z', effortHours: 2, resultReach: 1000, resultConversions: 0 }),
      item({ id: 'K4', title: 'Buyer’s guide', channelId: 'C2', goalId: 'G1', publishAt: '2026-07-01T07:00:00Z', effortHours: 6, resultReach: 2000, resultConversions: 24 }),
      item({ id: 'K5', title: 'Newsletter teaser', channelId: 'C2', goalId: 'G3', publishAt: '2026-07-08T07:00:00Z', effortHours: 6, resultReach: 800, resultConversions: 0 }),
      item({ id: 'K6', title: 'Cancelled essay', channelId: 'C2', status: 'cancelled', plannedDate: '2026-08-01' }),
      item({ id: 'K7', title: 'Webinar invite', channelId: 'C1', status: 'scheduled', plannedDate: '2026-09-20' }),
      item({ id: 'P1', title: 'Spring post A', channelId: 'C1', goalId: 'G0', publishAt: '2026-04-10T08:00:00Z', effortHours: 2, resultConversions: 4 }),
      item({ id: 'P2', title: 'Spring post B', channelId: 'C1', goalId: 'G0', publishAt: '2026-05-10T08:00:00Z', effortHours: 2, resultConversions: 4 }),
      item({ id: 'P3', title: 'Spring article', channelId: 'C2', goalId: 'G0', publishAt: '2026-06-10T08:00:00Z', effortHours: 6, resultConversions: 6 }),
      item({ id: 'Z1', title: 'Autumn idea', channelId: 'C2', status: 'idea', plannedDate: '2026-11-05' })
    ],
    influencers: [
      { id: 'I1', name: 'Дмитрий Ковалёв', stage: 'engaged', ownerId: 'M2', createdAt: '2026-05-01T10:00:00Z', stageHistory: [{ stage: 'identified', date: '2026-05-01' }, { stage: 'engaged', date: '2026-08-10' }] },
      { id: 'I2', name: 'Ελένη Παπαδοπούλου', stage: 'following', ownerId: 'M1', createdAt: '2026-04-01T10:00:00Z', stageHistory: [{ stage: 'following', date: '2026-04-01' }] },
      { id: 'I3', name: 'Sam Lee', stage: 'following', ownerId: null, createdAt: '2026-07-15T10:00:00Z', stageHistory: [{ stage: 'identified', date: '2026-07-15' }, { stage: 'following', date: '2026-09-01' }] }
    ],
    conversations: [
      { id: 'V1', occurredAt: '2026-07-05T10:00:00Z', channelId: 'C1', type: 'product_feedback', sentiment: 'negative', state: 'resolved', assigneeId: 'M2', assignedAt: '2026-07-05T14:00:00Z', resolvedAt: '2026-07-06T09:00:00Z', tags: ['export', 'Calendar'] },
      { id: 'V2', occurredAt: '2026-08-01T09:00:00Z', channelId: 'C2', type: 'question', sentiment: 'neutral', state: 'assigned', assigneeId: 'M1', assignedAt: '2026-08-01T11:00:00Z', resolvedAt: null, tags: [] },
      { id: 'V3', occurredAt: '2026-09-10T12:00:00Z', channelId: null, type: 'product_feedback', sentiment: 'neutral', state: 'new', assigneeId: null, assignedAt: null, resolvedAt: null, tags: ['export'] },
      { id: 'V0', occurredAt: '2026-05-01T12:00:00Z', channelId: 'C1', type: 'praise', sentiment: 'positive', state: 'new', assigneeId: null, assignedAt: null, resolvedAt: null, tags: [] }
    ],
    notes: [
      { id: 'N2', slideKey: 'goal:G2', text: 'Start a support rotation in October.', author: 'Ben Okafor', updatedAt: '2026-09-29T10:00:00Z' },
      { id: 'N1', slideKey: 'summary', text: 'Pipeline goal exceeded; keep the LinkedIn cadence.', author: 'Ana Ruiz', updatedAt: '2026-09-28T10:00:00Z' }
    ],
    hours: [
      { channelId: 'C2', currentHoursPerWeek: 6, recommendedHoursPerWeek: 9, engineHoursPerWeek: 11, decision: { kind: 'override', hoursPerWeek: 9, reason: 'Only one writer', decidedBy: 'Ana Ruiz', date: '2026-09-28' } },
      { channelId: 'C1', currentHoursPerWeek: 10, recommendedHoursPerWeek: 8, engineHoursPerWeek: null, decision: null }
    ],
    predicted: [
      { channelId: 'C1', goalId: 'G1', point: 18, low: 10, high: 26 },
      { channelId: 'C2', goalId: 'G1', point: 30, low: null, high: null },
      { channelId: 'C2', goalId: 'G3', point: 4, low: null, high: null }
    ],
    scenario: 'the same hours as today, re-divided',
    money: { hourlyRate: 75, currency: 'USD' },
    planAsOf: null
  }
}
