import { describe, expect, it } from 'vitest'
import { generateDemo } from '../../../src/core/demo/generateDemo'
import { timingAdvice, type TimingPost } from '../../../src/core/scoring/timingAdvice'

const TODAY = '2026-05-14'
const MONDAY = Date.parse('2025-11-03T00:00:00Z') // a Monday, inside the evidence window
/** Deterministic "noise" in ±25 %, different for every post. */
const wobble = (i: number): number => 1 + 0.25 * Math.sin(i * 12.9898 + 78.233)

/** `weeks` weeks of posts Monday–Friday at 10:00 UTC; `reach(weekday, i)` sets each post's reach. */
function posts(weeks: number, reach: (weekday: number, i: number) => number, zone = 'UTC', hourUtc = 10): TimingPost[] {
  const out: TimingPost[] = []
  let i = 0
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 5; d++) {
      const at = new Date(MONDAY + (w * 7 + d) * 86_400_000 + hourUtc * 3_600_000).toISOString()
      out.push({ channelId: 'c1', publishAt: at, zone, reach: reach(d, i++) })
    }
  }
  return out
}

describe('timingAdvice', () => {
  it('says "not enough data" below 30 posts, with the number it had', () => {
    const [c] = timingAdvice(posts(5, (d) => (d === 1 ? 5000 : 1000)), { today: TODAY, seed: 1 })
    expect(c?.status).toBe('not-enough-data')
    expect(c?.posts).toBe(25)
    expect(c?.best).toEqual([])
    expect(c?.reason).toMatch(/25 published posts.*at least 30/)
  })

  it('names a weekday that really does better, with the posts behind it', () => {
    const [c] = timingAdvice(posts(20, (d, i) => (d === 1 ? 1500 : 1000) * wobble(i)), { today: TODAY, seed: 1 })
    expect(c?.status).toBe('best-times')
    expect(c?.best.map((b) => b.label)).toEqual(['Tuesday'])
    expect(c?.best[0]?.posts).toBe(20)
    expect(c?.best[0]?.lift).toBeGreaterThan(1.3)
    expect(c?.best[0]?.low).toBeGreaterThan(1)
    expect(c?.reason).toMatch(/^Tuesday: \+\d+ % reach.*20 posts/)
  })

  it('finds no best time where there is only noise', () => {
    const [c] = timingAdvice(posts(20, (_d, i) => 1000 * wobble(i)), { today: TODAY, seed: 1 })
    expect(c?.status).toBe('no-clear-pattern')
    expect(c?.best).toEqual([])
    expect(c?.judged.length).toBeGreaterThan(0)
  })

  it('reads weekday and hour in the zone the post was planned in', () => {
    // 02:00 UTC on Wednesday is Tuesday 21:00/22:00 in New York: the "Wednesday" spike is a Tuesday-evening one there.
    const data = posts(20, (d, i) => (d === 2 ? 1600 : 1000) * wobble(i), 'America/New_York', 2)
    const [c] = timingAdvice(data, { today: TODAY, seed: 1 })
    expect(c?.best.map((b) => b.label)).toEqual(['Tuesday'])
    const [u] = timingAdvice(data.map((p) => ({ ...p, zone: 'UTC' })), { today: TODAY, seed: 1 })
    expect(u?.best.map((b) => b.label)).toEqual(['Wednesday'])
  })

  it('does not mistake a channel growing over the year for a better weekday', () => {
    // Reach doubles every quarter and the team moved from Fridays to Mondays along the way: no weekday effect.
    const out: TimingPost[] = []
    for (let w = 0; w < 26; w++) {
      const growth = Math.pow(2, Math.floor(w / 13))
      const d = w < 13 ? 4 : 0
      for (let k = 0; k < 3; k++) {
        const at = new Date(Date.parse('2025-10-06T10:00:00Z') + (w * 7 + (k === 0 ? d : k + 1)) * 86_400_000).toISOString()
        out.push({ channelId: 'c1', publishAt: at, zone: 'UTC', reach: 1000 * growth * wobble(w * 3 + k) })
      }
    }
    const [c] = timingAdvice(out, { today: TODAY, seed: 1 })
    expect(c?.best.filter((b) => b.kind === 'weekday')).toEqual([])
  })

  it('leaves out posts without reach, unreadable zones and posts outside the evidence window', () => {
    const bad: TimingPost[] = [
      { channelId: 'c1', publishAt: '2026-01-06T10:00:00Z', zone: 'Mars/Olympus', reach: 100 },
      { channelId: 'c1', publishAt: '2026-01-06T10:00:00Z', zone: 'UTC', reach: 0 },
      { channelId: 'c1', publishAt: '2026-01-06T10:00:00Z', zone: 'UTC', reach: Number.NaN },
      { channelId: 'c1', publishAt: '2020-01-07T10:00:00Z', zone: 'UTC', reach: 100 },
      { channelId: 'c1', publishAt: '2026-01-06T10:00:00Z', zone: 'UTC', reach: 100 }
    ]
    expect(timingAdvice(bad, { today: TODAY, seed: 1 })[0]?.posts).toBe(1)
  })

  it('gives the same advice for the same data', () => {
    const data = posts(8, (d, i) => (d === 3 ? 1400 : 1000) * wobble(i))
    expect(timingAdvice(data, { today: TODAY, seed: 7 })).toEqual(timingAdvice(data, { today: TODAY, seed: 7 }))
  })

  it('on the demo: the blog does best on Tuesdays, LinkedIn in the morning midweek, X has no best time', () => {
    const demo = generateDemo({ seed: 20261123, today: TODAY })
    const byName = new Map(demo.channel.map((c) => [c.name, c.id]))
    const input = demo.content.flatMap((c) =>
      c.status === 'published' && c.publishAt !== null && c.publishZone !== null && c.channelId !== null
        ? [{ channelId: c.channelId, publishAt: c.publishAt, zone: c.publishZone, reach: c.resultReach ?? 0 }]
        : []
    )
    const advice = new Map(timingAdvice(input, { today: TODAY, seed: 1 }).map((a) => [a.channelId, a]))
    expect(advice.get(byName.get('Northwind blog') ?? '')?.best[0]?.label).toBe('Tuesday')
    const li = advice.get(byName.get('LinkedIn company page') ?? '')
    expect(li?.status).toBe('best-times')
    expect(li?.best.every((b) => ['Tuesday', 'Wednesday', 'Thursday', 'before 09:00', '09:00–11:00'].includes(b.label))).toBe(true)
    expect(advice.get(byName.get('X / @northwinddata') ?? '')?.status).toBe('no-clear-pattern')
    expect(advice.get(byName.get('Industry events') ?? '')?.status).toBe('not-enough-data')
  })
})
