import { describe, expect, it } from 'vitest'
import { daysIn, monthsIn, ratios, resultsSummaryInput, shareInside } from '../../../src/core/links/resultsSummary'

describe('results summary figures', () => {
  it('counts a campaign budget by its days inside the period, both ends included', () => {
    expect(daysIn('2026-10-01', '2026-10-31')).toBe(31)
    // A 10-day campaign, 4 of its days in the period.
    expect(shareInside('2026-09-27', '2026-10-06', '2026-10-01', '2026-12-31')).toBeCloseTo(0.6)
    expect(shareInside('2026-10-01', '2026-10-10', '2026-01-01', '2026-12-31')).toBe(1)
    expect(shareInside('2026-01-01', '2026-01-31', '2026-10-01', '2026-12-31')).toBe(0)
    expect(shareInside('2026-10-05', '2026-10-05', '2026-10-05', '2026-10-05')).toBe(1)
  })

  it('counts a channel cost per average month', () => {
    expect(monthsIn('2026-01-01', '2026-12-31')).toBeCloseTo(365 / (365.25 / 12), 6)
    expect(monthsIn('2026-10-01', '2026-12-31')).toBeCloseTo(92 / 30.4375, 6)
  })

  it('gives no ratio where the divisor is zero or the metric is absent, never Infinity', () => {
    expect(ratios({ leads: 4, closed_revenue: 9000, pipeline_value: 30000 }, 3000)).toEqual({ costPerLead: 750, returnOnCost: 3, pipelinePerCost: 10 })
    expect(ratios({ leads: 0, closed_revenue: 0 }, 0)).toEqual({ costPerLead: null, returnOnCost: null, pipelinePerCost: null })
    expect(ratios({ sessions: 100 }, 500)).toEqual({ costPerLead: null, returnOnCost: null, pipelinePerCost: null })
    // A closed-revenue figure of nothing is a 0× return, not a missing one.
    expect(ratios({ closed_revenue: 0 }, 500).returnOnCost).toBe(0)
    // Leads at no cost (no hours, no budget): nothing per lead, not a gap.
    expect(ratios({ leads: 2 }, 0).costPerLead).toBe(0)
  })

  it('refuses half a period, a period that ends before it starts, and an unknown grouping', () => {
    expect(resultsSummaryInput.safeParse({ from: '2026-10-01' }).success).toBe(false)
    expect(resultsSummaryInput.safeParse({ from: '2026-10-02', to: '2026-10-01' }).error?.issues[0]?.message).toBe('The period ends before it starts')
    expect(resultsSummaryInput.safeParse({ groupBy: 'owner' }).success).toBe(false)
    expect(resultsSummaryInput.parse({})).toEqual({ groupBy: 'campaign' })
  })
})
