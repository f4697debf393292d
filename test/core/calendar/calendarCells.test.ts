import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendarCells, type CalendarCell } from '../../../src/core/calendar/calendarCells'
import { enums } from '../../../src/core/domain/enums'

const text = fc.option(fc.string({ maxLength: 12 }), { nil: null })
const cell: fc.Arbitrary<CalendarCell> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }), title: fc.string(), channelId: text, campaignId: text, pillar: fc.string({ minLength: 1, maxLength: 6 }),
  ownerId: text, status: fc.constantFrom(...enums.contentStatus.options), plannedDate: text, dueDate: text, publishAt: text, publishZone: text,
  effortHours: fc.double({ min: 0, max: 100, noNaN: true }), seriesId: text
})

describe('calendar cells on the wire', () => {
  it('round-trips every field, refs deduplicated', () => {
    fc.assert(fc.property(fc.array(cell, { maxLength: 30 }), (items) => {
      // "" and null both mean "none" for refs; the schema never stores "" for ids or zones.
      const norm = items.map((i) => ({ ...i, channelId: i.channelId || null, campaignId: i.campaignId || null, ownerId: i.ownerId || null, publishZone: i.publishZone || null }))
      const packed = calendarCells.encode(norm)
      expect(new Set(packed.refs).size).toBe(packed.refs.length)
      expect(calendarCells.schema.safeParse(packed).success).toBe(true)
      expect(calendarCells.decode(packed)).toEqual(norm)
    }))
  })
})
