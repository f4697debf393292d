import { lazy, Suspense, useState } from 'react'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import type { DataColumn } from '../../components/dataColumns'
import { api } from '../../api/client'
import { downloadBytes } from './downloadBytes'
import { downloadText } from './downloadText'
import { refFieldOf, tableCsv } from './tableCsv'
import { viewTable } from './viewTable'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { localZone } from '../../components/formValues'

// The import wizard (CSV and Excel reading) loads when it is opened, not with the screen.
const ImportWizard = lazy(() => import('./ImportWizard').then((m) => ({ default: m.ImportWizard })))

type Props<Row extends { id: string }> = {
  kind: KindName
  columns: readonly DataColumn<Row>[]
  getView: () => { rows: Row[]; columns: DataColumn<Row>[] }
  /** False where "me" may not create records of this kind: the import would be refused, so it is not offered. */
  canImport?: boolean
}

/** The table toolbar's spreadsheet buttons: export what is shown, import a CSV through the wizard. */
export function TransferActions<Row extends { id: string }>({ kind, columns, getView, canImport = true }: Props<Row>) {
  const [importing, setImporting] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const rk = recordKinds[kind]
  const baseName = () => `${rk.plural.toLowerCase().replace(/\s+/g, '-')}-${calendarDates.todayIn(Date.now(), localZone())}`
  const exportShown = () => {
    const view = getView()
    setProblem(undefined)
    downloadText(`${baseName()}.csv`, tableCsv(kind, view.rows, view.columns), 'text/csv;charset=utf-8')
  }
  // Excel files and the European CSV dialect are written by the backend (exceljs, Windows-1252).
  const exportAs = async (format: 'xlsx' | 'csv-eu') => {
    const view = getView()
    setBusy(true)
    setProblem(undefined)
    try {
      const table = viewTable(kind, view.rows, view.columns)
      const r = await api.call('export-table', format === 'xlsx' ? { table, format: 'xlsx' } : { table, format: 'csv', dialect: 'excel-eu' })
      if (format === 'xlsx') downloadBytes(`${baseName()}.xlsx`, r.data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      else downloadBytes(`${baseName()}.csv`, r.data, 'text/csv;charset=windows-1252')
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
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
      <button type="button" className="btn" data-testid="export-xlsx" disabled={busy} title="Download the rows shown as an Excel workbook: numbers and dates as such, header frozen, filters on" onClick={() => void exportAs('xlsx')}>
        Export Excel
      </button>
      <button type="button" className="btn" data-testid="export-csv-eu" disabled={busy} title="Download the rows shown as CSV for Excel in a European locale: semicolons, Windows-1252, decimal commas" onClick={() => void exportAs('csv-eu')}>
        CSV for Excel (Europe)
      </button>
      {canImport && (
        <button type="button" className="btn" data-testid="import-csv" onClick={() => setImporting(true)}>
          Import CSV…
        </button>
      )}
      {problem !== undefined && (
        <span role="alert" className="field-error" data-testid="export-problem">
          {problem}
        </span>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard kind={kind} aliases={aliases} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  )
}
