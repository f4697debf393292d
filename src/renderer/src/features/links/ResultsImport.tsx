import { useId, useState } from 'react'
import type { ResultsReport } from '../../../../core/api/methods/linkMethods'
import { outcomeMetricLabels, type ResultsFormat } from '../../../../core/domain/outcome'
import { replacedSentence } from '../../../../core/links/resultsPeriod'
import { moneySentence } from '../../../../core/links/moneySentence'
import { moneyMetrics } from '../../../../core/links/resultsSummary'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { format } from '../../components/format'
import { announce } from '../../shell/announce'
import './links.css'
import { SampleFiles } from '../transfer/SampleFiles'
import { MissingRates } from './MissingRates'

const formats: { value: '' | ResultsFormat; label: string }[] = [
  { value: '', label: 'Recognise from the columns' },
  { value: 'ga4', label: 'Google Analytics 4 export' },
  { value: 'hubspot', label: 'HubSpot contacts or deals report' },
  { value: 'salesforce', label: 'Salesforce leads or opportunities report' }
]
const formatName: Record<ResultsFormat, string> = { ga4: 'Google Analytics 4', hubspot: 'HubSpot', salesforce: 'Salesforce' }

type Picked = { name: string; text: string }
type Done = { report: ResultsReport; label: string }

/**
 * "Import results" on the Goals screen (issue #15 item 4): a GA4, HubSpot or Salesforce CSV is first
 * read as a preview (what matched which item, channel and campaign, what did not and why, errors by
 * row and column), written into the outcome ledger only on confirm, and taken back with one undo.
 */
export function ResultsImport() {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<Done | null>(null)
  const [undone, setUndone] = useState(false)
  const undo = async () => {
    if (done === null) return
    // Undo only our own step: the newest one must be this import (someone may have edited since).
    const state = await api.call('history-state', {})
    if (state.undo[0]?.label !== done.label) {
      announce('Something else was changed after this import; undo that first from the calendar', 'assertive')
      return
    }
    await api.call('history-undo', {})
    setUndone(true)
    announce(`The results from ${done.report.fileName} were taken back`)
  }
  return (
    <div className="results-import" data-testid="results-import">
      <button type="button" className="btn" onClick={() => (setOpen(true), setDone(null), setUndone(false))} data-testid="results-open">
        Import results…
      </button>
      {done !== null && (
        <span className="small" role="status" data-testid="results-done">
          {' '}
          {undone ? `The results from ${done.report.fileName} were taken back.` : `${done.report.create + done.report.update} numbers from ${done.report.fileName} are in the results ledger.`}{' '}
          {!undone && (
            <button type="button" className="btn btn-sm" onClick={() => void undo()} data-testid="results-undo">
              Undo
            </button>
          )}
        </span>
      )}
      {open && <ImportDialog onClose={() => setOpen(false)} onDone={(d) => (setDone(d), setOpen(false))} />}
    </div>
  )
}

function ImportDialog({ onClose, onDone }: { onClose: () => void; onDone: (d: Done) => void }) {
  const id = useId()
  const [fmt, setFmt] = useState<'' | ResultsFormat>('')
  const [picked, setPicked] = useState<Picked | null>(null)
  const [report, setReport] = useState<ResultsReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (dryRun: boolean, file: Picked | null = picked, f: '' | ResultsFormat = fmt) => {
    if (file === null) return
    setBusy(true)
    setError(null)
    try {
      const r = await api.call('results-import', { fileName: file.name, text: file.text, dryRun, ...(f === '' ? {} : { format: f }) })
      if (dryRun) setReport(r)
      else {
        const n = r.create + r.update
        announce(`${n} numbers imported from ${r.fileName}`)
        onDone({ report: r, label: `results ${r.fileName} (${n} ${n === 1 ? 'number' : 'numbers'})` })
      }
    } catch (e) {
      setReport(null)
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const pick = async (file: File | undefined) => {
    if (file === undefined) return
    const p = { name: file.name, text: await file.text() }
    setPicked(p)
    await run(true, p)
  }

  const writes = report === null ? 0 : report.create + report.update
  return (
    <Dialog title="Import results" onClose={onClose} testId="results-dialog">
      <div className="form">
        <div className="dialog-body results-body">
        <p className="subtle">Results from analytics and the CRM go into the results ledger, matched to items, channels and campaigns by their tracking parameters, then by landing page. Goals that take progress from results move with them.</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-format`}>What the file is</label>
            <select id={`${id}-format`} className="select" value={fmt} onChange={(e) => { const f = e.target.value as '' | ResultsFormat; setFmt(f); void run(true, picked, f) }}>
              {formats.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>CSV file</label>
            <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} data-testid="results-file" />
          </div>
        </div>
        {picked !== null && (
          <p className="subtle small" data-testid="results-picked">
            Reading <b>{picked.name}</b>.
          </p>
        )}
        {picked === null && (
          <SampleFiles
            names={['ga4-traffic-acquisition.csv', 'hubspot-deals.csv']}
            busy={busy}
            onPick={(f) => {
              setPicked(f)
              void run(true, f)
            }}
          />
        )}
        {busy && <p className="subtle" role="status">Reading…</p>}
        {error !== null && <p className="form-error" role="alert" data-testid="results-error">{error}</p>}
        {report !== null && <Preview report={report} onRatesSaved={() => void run(true)} />}
        </div>
        <footer className="dialog-foot">
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || report === null || report.errors.length > 0 || writes === 0}
            onClick={() => void run(false)}
            data-testid="results-confirm"
          >
            {report !== null && report.errors.length > 0 ? 'Fix the errors first' : writes === 0 && report !== null ? 'Nothing new to import' : `Import ${writes} ${writes === 1 ? 'number' : 'numbers'}`}
          </button>
        </footer>
      </div>
    </Dialog>
  )
}

function Preview({ report: r, onRatesSaved }: { report: ResultsReport; onRatesSaved: () => void }) {
  const money = moneySentence(r.money)
  const more = (shown: number, all: number) => (all > shown ? <p className="subtle small">…and {all - shown} more.</p> : null)
  return (
    <div data-testid="results-preview" aria-live="polite">
      <h3 className="sharing-h">Preview</h3>
      <p>
        {formatName[r.format]} · {r.entity} · {r.rows} {r.rows === 1 ? 'row' : 'rows'}: {r.matched} matched, {r.counts.unmatched} not matched{r.counts.skipped > 0 ? `, ${r.counts.skipped} skipped` : ''}{r.counts.errors > 0 ? `, ${r.counts.errors} with errors` : ''}.
        {' '}{r.create} new numbers, {r.update} updated, {r.unchanged} already imported.
      </p>
      {replacedSentence(r.period, r.replaced) !== null && <p data-testid="results-replaced">{replacedSentence(r.period, r.replaced)}</p>}
      {r.totals.length > 0 && (
        <ul className="results-list">
          {r.totals.map((t) => {
            const n = (v: number) => (moneyMetrics.has(t.metric) && r.money !== null ? format.currency(v, r.money.team) : format.number(v))
            return <li key={t.metric}>{outcomeMetricLabels[t.metric]}: {n(t.value)} in the file, {n(t.matched)} matched</li>
          })}
        </ul>
      )}
      {money !== null && <p data-testid="results-money">{money}</p>}
      {r.money !== null && r.money.missing.length > 0 && <MissingRates codes={r.money.missing} team={r.money.team} onSaved={onRatesSaved} />}
      {Object.keys(r.byRule).length > 0 && (
        <>
          <h4 className="small">Matched by</h4>
          <ul className="results-list">{Object.entries(r.byRule).map(([rule, n]) => <li key={rule}>{rule}: {n} {n === 1 ? 'row' : 'rows'}</li>)}</ul>
        </>
      )}
      {r.goals.length > 0 && (
        <>
          <h4 className="small">Goals this moves</h4>
          <ul className="results-list" data-testid="results-goals">{r.goals.map((g) => <li key={g.goalId}>{g.objective}: {outcomeMetricLabels[g.metric]} reaches {format.number(g.level)}</li>)}</ul>
        </>
      )}
      {r.unmatched.length > 0 && (
        <>
          <h4 className="small">Not matched</h4>
          <ul className="results-list" data-testid="results-unmatched">{r.unmatched.map((u) => <li key={u.row}>Row {u.row}: {u.reason}</li>)}</ul>
          {more(r.unmatched.length, r.counts.unmatched)}
        </>
      )}
      {r.skipped.length > 0 && (
        <>
          <h4 className="small">Skipped</h4>
          <ul className="results-list">{r.skipped.map((u) => <li key={u.row}>Row {u.row}: {u.reason}</li>)}</ul>
          {more(r.skipped.length, r.counts.skipped)}
        </>
      )}
      {r.errors.length > 0 && (
        <>
          <h4 className="small">Errors (nothing is imported until they are fixed)</h4>
          <ul className="results-list form-error" data-testid="results-errors">{r.errors.map((e) => <li key={`${e.row}:${e.column}`}>Row {e.row}, column “{e.column}”: {e.message}</li>)}</ul>
          {more(r.errors.length, r.counts.errors)}
        </>
      )}
    </div>
  )
}
