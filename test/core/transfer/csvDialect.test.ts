import { describe, expect, it } from 'vitest'
import { detectDateOrder, detectDecimal, detectDelimiter } from '../../../src/core/transfer/csvDialect'
import { parseDate, parseInstant, parseNumber } from '../../../src/core/transfer/parseCell'

describe('csv dialect detection', () => {
  it('picks the delimiter that splits every row like the header, even with commas in the cells', () => {
    expect(detectDelimiter('Titel;Reichweite;Notiz\nA;3,5;x, y\nB;1.234,5;z\n')).toBe(';')
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t')
    expect(detectDelimiter('a|b|c\n"x|y"|2|3\n')).toBe('|')
    expect(detectDelimiter('title,brief\n"Hi","two\nlines, here"\n')).toBe(',')
    expect(detectDelimiter('just one column\nvalue\n')).toBe(',')
  })

  it('tells day-first from month-first dates, and asks when every day is 12 or less', () => {
    expect(detectDateOrder(['31/12/2026', '01/02/2026'])).toMatchObject({ order: 'dmy', ambiguous: false })
    expect(detectDateOrder(['12/31/2026'])).toMatchObject({ order: 'mdy' })
    expect(detectDateOrder(['01.12.2026', '02.12.2026'])).toMatchObject({ order: 'dmy' })
    expect(detectDateOrder(['03/04/2026', '05/06/2026'])).toMatchObject({ order: null, ambiguous: true })
    expect(detectDateOrder(['31/12/2026', '12/31/2026'])).toMatchObject({ conflict: true })
    expect(detectDateOrder(['2026-12-01'])).toMatchObject({ order: null, ambiguous: false })
  })

  it('reads decimal commas where the cells or a semicolon file say so', () => {
    expect(detectDecimal(['3,5', '1.234,5'])).toBe(',')
    expect(detectDecimal(['1,234.5', '3.5'])).toBe('.')
    expect(detectDecimal(['1.234'], ';')).toBe(',')
    expect(detectDecimal(['1,234'], ',')).toBe('.')
    expect(parseNumber('1.234,5', ',')).toBe(1234.5)
    expect(parseNumber('3,5 %', ',')).toBe(0.035)
    expect(parseNumber('1,234.5', ',')).toEqual({ error: expect.stringMatching(/decimal commas/) })
  })

  it('reads an amount as the app’s tables show it (exported as shown), the currency dropped', () => {
    expect(parseNumber('€6,500')).toBe(6500)
    expect(parseNumber('$1,200.50')).toBe(1200.5)
    expect(parseNumber('CHF 1,200')).toBe(1200)
    expect(parseNumber('US$250')).toBe(250)
    expect(parseNumber('1.200 €', ',')).toBe(1200)
    expect(parseNumber('250 EUR')).toBe(250)
    // Letters that are not a currency around the number are still refused.
    expect(parseNumber('abc')).toEqual({ error: 'Must be a number' })
    expect(parseNumber('12 leads')).toEqual({ error: 'Must be a number' })
    expect(parseNumber('1e3')).toBe(1000)
  })

  it("reads dates in the file's order and local times in the workspace zone, refusing a time the clocks skip", () => {
    expect(parseDate('01.12.2026', 'dmy')).toBe('2026-12-01')
    expect(parseDate('12/1/2026', 'mdy')).toBe('2026-12-01')
    expect(parseDate('31/02/2026', 'dmy')).toEqual({ error: expect.any(String) })
    const berlin = { decimal: '.', dateOrder: 'ymd', zone: 'Europe/Berlin' } as const
    expect(parseInstant('2026-12-01 10:00', berlin)).toBe('2026-12-01T09:00:00Z')
    expect(parseInstant('2026-12-01T10:00:00Z', berlin)).toBe('2026-12-01T10:00:00Z')
    expect(parseInstant('12/1/2026 9:30 PM', { ...berlin, dateOrder: 'mdy' })).toBe('2026-12-01T20:30:00Z')
    expect(parseInstant('2026-03-29 02:30', berlin)).toEqual({ error: expect.stringMatching(/does not exist in Europe\/Berlin/) })
  })
})
