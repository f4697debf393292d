import { describe, expect, it } from 'vitest'
import { waitingOnMe, windowTitle } from '../../../src/core/people/waitingOnMe'

const n = (k: number) => Array.from({ length: k }, () => ({}) as never)

describe('waitingOnMe and the window title', () => {
  it('adds every section of My work', () => {
    expect(waitingOnMe({ overdue: n(1), dueThisWeek: n(2), approvals: n(3), tasks: n(4), conversations: n(5), mentions: n(6) })).toBe(21)
    expect(waitingOnMe({ overdue: [], dueThisWeek: [], approvals: [], tasks: [], conversations: [], mentions: [] })).toBe(0)
  })

  it('puts the count in front of the title only when something waits', () => {
    expect(windowTitle('Priya Shah', 3)).toBe('(3) SMO Desk — Priya Shah')
    expect(windowTitle('Priya Shah', 0)).toBe('SMO Desk — Priya Shah')
    expect(windowTitle(undefined, 0)).toBe('SMO Desk')
  })
})
