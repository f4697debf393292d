/**
 * The hint under the team's currency. Amounts are stored as numbers in the team's currency, so a new
 * code does not convert them: budgets of 32,000 € would read $32,000. Said before saving, with the
 * exchange rates that go (they are worth so much in the old currency).
 */
export function currencyHint(saved: string, typed: string, clearsRates: boolean): string {
  const base = 'Three letters, e.g. USD, EUR, GBP'
  if (!/^[A-Z]{3}$/.test(typed) || typed === saved) return base
  return `${base}. Saving ${typed} converts nothing: every amount already entered (budgets, channel costs, the hourly rate, the results ledger) is then read as ${typed}.${clearsRates ? ` The exchange rates below are in ${saved} and are cleared.` : ''}`
}
