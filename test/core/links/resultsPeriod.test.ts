import { describe, expect, it } from 'vitest'
import { periodText, replacedSentence, resultsPeriod } from '../../../src/core/links/resultsPeriod'

describe('the period of a web-analytics export', () => {
  it('is read from its "# Start date" / "# End date" lines, else from its rows', () => {
    expect(resultsPeriod(['# Start date: 20261101', '# End date: 20261130'], ['2026-11-30'])).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(resultsPeriod([], ['2026-11-07', '2026-11-02', '2026-11-05'])).toEqual({ from: '2026-11-02', to: '2026-11-07' })
    expect(resultsPeriod(['# End date: 20261130'], ['2026-11-07'])).toEqual({ from: '2026-11-07', to: '2026-11-30' })
    expect(resultsPeriod(['# Property: Northwind'], [])).toBeNull()
  })

  it('is said in plain words, naming the earlier file and the days replaced', () => {
    expect(periodText({ from: '2026-11-01', to: '2026-11-30' })).toBe('1 Nov 2026 – 30 Nov 2026')
    expect(periodText({ from: '2026-12-03', to: '2026-12-03' })).toBe('3 Dec 2026')
    expect(replacedSentence({ from: '2026-11-05', to: '2026-11-30' }, [])).toBeNull()
    expect(replacedSentence({ from: '2026-11-05', to: '2026-11-30' }, [{ fileName: 'ga4-oct-nov.csv', from: '2026-11-05', to: '2026-11-06', numbers: 12 }])).toBe(
      'This file covers 5 Nov 2026 – 30 Nov 2026, which overlaps web-analytics results already imported: 12 numbers from ga4-oct-nov.csv (5 Nov 2026 – 6 Nov 2026). Those are replaced by this file\'s numbers, so nothing is counted twice.'
    )
  })
})
