import { describe, expect, it } from 'vitest'
import { currencyHint } from '../../src/renderer/src/features/settings/currencyHint'

describe('currencyHint', () => {
  it('says a new currency converts nothing, and that the rates go when they would', () => {
    expect(currencyHint('EUR', 'EUR', false)).toBe('Three letters, e.g. USD, EUR, GBP')
    expect(currencyHint('EUR', 'US', false)).toBe('Three letters, e.g. USD, EUR, GBP')
    expect(currencyHint('EUR', 'USD', false)).toContain('Saving USD converts nothing: every amount already entered (budgets, channel costs, the hourly rate, the results ledger) is then read as USD.')
    expect(currencyHint('EUR', 'USD', false)).not.toContain('exchange rates')
    expect(currencyHint('EUR', 'USD', true)).toMatch(/The exchange rates below are in EUR and are cleared\.$/)
  })
})
