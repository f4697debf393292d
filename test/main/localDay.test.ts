import { afterEach, describe, expect, it } from 'vitest'
import { writeDemo } from '../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../src/main/backend/dispatch'
import { localDay } from '../../src/main/backend/localDay'
import { myWork } from '../../src/main/backend/people/myWork'
import { tempBackend } from './helpers/tempWorkspace'

// 19:00 on Monday 7 December in California is already 03:00 on the 8th in UTC. The backend counted
// "today" by the UTC date, so from 16:00 every afternoon a team there saw tomorrow's work as due
// today and today's as late, while the calendar on screen (the browser's zone) said the 7th.
const EVENING_IN_CALIFORNIA = Date.parse('2026-12-08T03:00:00Z')
const zoneBefore = process.env.TZ
const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((c) => c())
  process.env.TZ = zoneBefore ?? 'UTC'
})

describe("today is the day at this computer's zone", () => {
  it('counts the date where the person is, on either side of UTC', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(localDay(EVENING_IN_CALIFORNIA)).toBe('2026-12-07')
    process.env.TZ = 'Pacific/Auckland'
    expect(localDay(Date.parse('2026-12-07T12:30:00Z'))).toBe('2026-12-08')
    process.env.TZ = 'UTC'
    expect(localDay(EVENING_IN_CALIFORNIA)).toBe('2026-12-08')
  })

  it('My work, a reviewed estimate and the demo all take the local date', async () => {
    process.env.TZ = 'America/Los_Angeles'
    const t = await tempBackend(() => EVENING_IN_CALIFORNIA)
    cleanups.push(t.cleanup)
    writeDemo(t.b)
    expect(myWork(t.b, {}).today).toBe('2026-12-07')
    const ch = await dispatch(t.b, 'channel-create', { name: 'Threads', platform: 'threads' })
    expect(ch.ok && (ch.data as { estimatesUpdatedAt: string }).estimatesUpdatedAt).toBe('2026-12-07')
  })
})
