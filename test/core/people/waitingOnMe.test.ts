import { describe, expect, it } from 'vitest'
import { waitingOnMe, waitingParts, windowTitle } from '../../../src/core/people/waitingOnMe'

const n = (k: number) => Array.from({ length: k }, () => ({}) as never)

describe('waitingOnMe and the window title', () => {
  const act = (nextActionDate: string | null) => ({ id: 'i', name: 'Mei Tanaka', stage: 'engaged', nextAction: 'Reply', nextActionDate })
  const none = { overdue: [], dueThisWeek: [], approvals: [], tasks: [], conversations: [], mentions: [], influencers: [], weekEnd: '2026-12-13' }

  it('adds every section of My work, influencer next actions dated up to the week’s end included', () => {
    const influencers = [act('2026-11-16'), act('2026-12-13'), act('2026-12-14'), act(null)]
    expect(waitingOnMe({ overdue: n(1), dueThisWeek: n(2), approvals: n(3), tasks: n(4), conversations: n(5), mentions: n(6), influencers, weekEnd: '2026-12-13' })).toBe(23)
    expect(waitingOnMe(none)).toBe(0)
  })

  it('names each part for the tooltip, the same parts the count adds', () => {
    const m = { ...none, overdue: n(2), approvals: n(1), mentions: n(3), influencers: [act('2026-12-01')] }
    expect(waitingParts(m).map((p) => p.label)).toEqual(['2 overdue', '1 approval', '3 mentions', '1 influencer action'])
    expect(waitingParts(m).reduce((s, p) => s + p.n, 0)).toBe(waitingOnMe(m))
  })

  it('puts the count in front of the title only when something waits', () => {
    expect(windowTitle('Priya Shah', 3)).toBe('(3) SMO Desk — Priya Shah')
    expect(windowTitle('Priya Shah', 0)).toBe('SMO Desk — Priya Shah')
    expect(windowTitle(undefined, 0)).toBe('SMO Desk')
  })
})
