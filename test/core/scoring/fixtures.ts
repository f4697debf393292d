import fc from 'fast-check'
import type { ScoringChannel, ScoringGoal, ScoringOptions } from '../../../src/core/scoring'

export const options: ScoringOptions = { periodWeeks: 13, blendedHourlyRate: 80, today: '2026-11-23', staleAfterDays: 90 }

export const goals: ScoringGoal[] = [
  { id: 'pipeline', name: 'Pipeline', driver: 'pipeline', target: 200, current: 80, baseline: 0, weight: 3 },
  { id: 'reach', name: 'Reach', driver: 'reach', target: 500_000, current: 200_000, baseline: 100_000, weight: 1 },
  { id: 'reputation', name: 'Reputation', driver: 'reputation', target: 60, current: 20, baseline: 10, weight: 1 }
]

export function channel(overrides: Partial<ScoringChannel> & { id: string }): ScoringChannel {
  return {
    name: overrides.id,
    status: 'active',
    audience: 5_000,
    postsPerWeek: 3,
    hoursPerPost: 1.5,
    fixedHoursPerMonth: 4,
    costPerMonth: 0,
    confidence: 0.6,
    links: [
      { goalId: 'pipeline', rate: 0.2 },
      { goalId: 'reach', rate: 1000 },
      { goalId: 'reputation', rate: 0.05 }
    ],
    estimatesUpdatedAt: '2026-10-01',
    ...overrides
  }
}

export const channels: ScoringChannel[] = [
  channel({ id: 'linkedin-page', name: 'LinkedIn page', audience: 12_000, confidence: 0.7 }),
  channel({ id: 'newsletter', name: 'Newsletter', audience: 3_000, postsPerWeek: 1, hoursPerPost: 4, links: [{ goalId: 'pipeline', rate: 2 }] }),
  channel({ id: 'x', name: 'X', audience: 2_000, postsPerWeek: 5, hoursPerPost: 0.5, confidence: 0.4 }),
  channel({ id: 'webinars', name: 'Webinars', audience: 300, postsPerWeek: 0.25, hoursPerPost: 20, costPerMonth: 400 }),
  channel({ id: 'blog', name: 'Blog', audience: 1_500, postsPerWeek: 1, hoursPerPost: 6, estimatesUpdatedAt: '2026-03-01' })
]

/** Any number a form could send, including the nasty ones. */
export const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, 5e-324),
  fc.double({ min: 0, max: 1e6, noNaN: true })
)

const sane = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true })

export const goalIds = ['g1', 'g2', 'g3']

export const arbGoals: fc.Arbitrary<ScoringGoal[]> = fc.tuple(
  ...goalIds.map((id) =>
    fc.record({
      id: fc.constant(id),
      name: fc.constant(id.toUpperCase()),
      driver: fc.constant('pipeline'),
      target: sane(1000),
      current: sane(1000),
      baseline: sane(500),
      weight: sane(5)
    })
  )
)

export const arbChannel = (id: string): fc.Arbitrary<ScoringChannel> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    status: fc.constantFrom('active', 'planned', 'paused', 'retired'),
    audience: sane(50_000),
    postsPerWeek: sane(10),
    hoursPerPost: sane(10),
    fixedHoursPerMonth: sane(20),
    costPerMonth: sane(2_000),
    confidence: sane(1),
    links: fc.subarray(goalIds).chain((ids) =>
      fc.tuple(...ids.map((goalId) => fc.record({ goalId: fc.constant(goalId), rate: sane(50) })))
    ),
    estimatesUpdatedAt: fc.constantFrom(null, '2026-11-01', '2026-06-01', '2025-01-01', 'garbage')
  })

export const arbChannels = (min: number, max: number): fc.Arbitrary<ScoringChannel[]> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbChannel(`c${i}`))))
