import { lazy, Suspense, useState } from 'react'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import type { DataColumn } from '../../components/dataColumns'
import { downloadText } from './downloadText'
import { refFieldOf, tableCsv } from './tableCsv'

// The import wizard (CSV and Excel reading) loads when it is opened, not with the screen.
const ImportWizard = lazy(() => import('./ImportWizard').then((m) => ({ default: m.ImportWizard })))

type Props<Row extends { id: string }> = {
  kind: KindName
  columns: readonly DataColumn<Row>[]
  getView: () => { rows: Row[]; columns: DataColumn<Row>[] }
}

/** The table toolbar's spreadsheet buttons: export what is shown, import a CSV through the wizard. */
export function TransferActions<Row extends { id: string }>({ kind, columns, getView }: Props<Row>) {
  const [importing, setImporting] = useState(false)
  const rk = recordKinds[kind]
  const exportShown = () => {
    const view = getView()
    const day = new Date().toISOString().slice(0, 10)
    downloadText(`${rk.plural.toLowerCase().replace(/\s+/g, '-')}-${day}.csv`, tableCsv(kind, view.rows, view.columns), 'text/csv;charset=utf-8')
  }
  // The screen's headers map an exported table back by themselves ("Audience" → audienceSize).
  // A column named after the kind ("Channel", "Influencer") holds what names the record.
  const aliases: Record<string, string> = { [rk.label]: rk.title }
  for (const c of columns) {
    const ref = refFieldOf(kind, c.id)
    if (ref !== undefined) aliases[c.header] = ref
    else if (c.id in rk.fields.shape) aliases[c.header] = c.id
  }
  return (
    <>
      <button type="button" className="btn" data-testid="export-csv" title="Download the rows shown, in this order, as a CSV file" onClick={exportShown}>
        Export CSV
      </button>
      <button type="button" className="btn" data-testid="import-csv" onClick={() => setImporting(true)}>
        Import CSV…
      </button>
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard kind={kind} aliases={aliases} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  )
}
