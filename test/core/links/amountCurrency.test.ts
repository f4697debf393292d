import { describe, expect, it } from 'vitest'
import { amountCurrency } from '../../../src/core/links/amountCurrency'
import { parseAmount, readResults } from '../../../src/core/links/readResults'

describe('the currency of an amount', () => {
  it('reads codes and symbols, and a bare "$" or "¥" as the team’s when it counts in one', () => {
    const cases: [string, string, string | null][] = [
      ['12000', 'EUR', null],
      ['12.500,00', 'EUR', null],
      ['$12,500.00', 'EUR', 'USD'],
      ['$12,500.00', 'CAD', 'CAD'],
      ['CA$900', 'USD', 'CAD'],
      ['US$ 900', 'EUR', 'USD'],
      ['12.500,00 €', 'USD', 'EUR'],
      ['EUR 1,200', 'USD', 'EUR'],
      ['1,200 GBP', 'USD', 'GBP'],
      ['£4,000', 'EUR', 'GBP'],
      ['¥300000', 'CNY', 'CNY'],
      ['¥300000', 'EUR', 'JPY'],
      ['', 'EUR', null]
    ]
    for (const [raw, team, want] of cases) expect([raw, team, amountCurrency(raw, team)]).toEqual([raw, team, want])
  })

  it('still reads the number of an amount that names its dollar', () => {
    expect(parseAmount('CA$900.50')).toBe(900.5)
    expect(parseAmount('US$ 1,200')).toBe(1200)
    expect(parseAmount('₹ 50,000')).toBe(50000)
  })

  it("gives each row's money the currency its column, its cell or its header names, and refuses what disagrees", () => {
    const headers = ['Opportunity ID', 'Stage', 'Amount (USD)', 'Currency', 'Created Date']
    const r = readResults({
      format: 'salesforce',
      headers,
      headerRow: 1,
      comments: [],
      currency: 'EUR',
      data: [
        ['A1', 'Prospecting', '1000', '', '2026-11-02'],
        ['A2', 'Prospecting', '1000', 'GBP', '2026-11-02'],
        ['A3', 'Prospecting', '€1000', 'GBP', '2026-11-02'],
        ['A4', 'Prospecting', '1000', 'pounds', '2026-11-02'],
        ['A5', 'Prospecting', '0', '', '2026-11-02']
      ]
    })
    expect(r.rows.map((x) => [x.externalId, x.money])).toEqual([
      ['A1', { code: 'USD', column: 'Amount (USD)' }],
      ['A2', { code: 'GBP', column: 'Currency' }],
      // No amount, no money: nothing to convert.
      ['A5', null]
    ])
    expect(r.problems).toEqual([
      { row: 4, column: 'Amount (USD)', message: 'The amount is written in EUR but Currency says GBP' },
      { row: 5, column: 'Currency', message: '"pounds" is not a currency code (three letters, such as USD)' }
    ])
  })
})
