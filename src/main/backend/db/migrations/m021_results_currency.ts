import { migration } from './migration'

// Money in one currency (issue #15 item 4): a CRM that counts deals in dollars and a team that counts
// in euros summed both into one figure. The team keeps exchange rates beside its currency
// (`exchange_rates`, JSON {"USD": 0.92}: one unit of the code in the team's currency, synced like the
// rest of the profile); an outcome keeps the currency its export gave (`currency`, '' when the export
// named none and the team's was taken) and, when converted, the amount as the file gave it
// (`original_value`). Rows already in the ledger were taken in the team's currency: '' and NULL.
export default migration({
  version: 21,
  name: "results: the ledger's money in the team's currency, with its exchange rates",
  up: (db) => {
    db.exec(`
ALTER TABLE workspace_profile ADD COLUMN exchange_rates TEXT NOT NULL DEFAULT '{}';
ALTER TABLE outcome ADD COLUMN currency TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome ADD COLUMN original_value REAL;
`)
  }
})
