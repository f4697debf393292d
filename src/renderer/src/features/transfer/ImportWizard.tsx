import { useRef, useState } from 'react'
import type { ImportInput, ImportPreview, ImportResult } from '../../../../core/api/methods/transferMethods'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import { countNoun } from '../../../../core/domain/recordKind'
import type { SampleName } from '../../../../core/transfer/sampleFiles'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { CheckStep } from './CheckStep'
import { MappingStep } from './MappingStep'
import { SampleFiles } from './SampleFiles'
import { SourcePicker } from './SourcePicker'
import { describeRunning, followImport, readPicked, sourceOf, type PickedFile, type Running } from './importRun'
import './transfer.css'

type Step = 'file' | 'columns' | 'check' | 'done'
type Props = { kind: KindName; aliases: Record<string, string>; onClose: () => void }

/** The sample exports (SampleFiles) worth trying on each kind's import. */
const samplesOf: Partial<Record<KindName, readonly SampleName[]>> = { content: ['hootsuite-bulk-schedule.csv'], influencer: ['crm-influencers.csv'] }

const steps: { id: Step; label: string }[] = [
  { id: 'file', label: 'File' },
  { id: 'columns', label: 'Columns' },
  { id: 'check', label: 'Check and import' }
]

/**
 * CSV import in three steps: choose a file (streamed to the browser host with a progress bar, or read
 * as text in the desktop host, so any size the CLI takes works), map its columns to fields (guessed
 * from the headers), then see every row's problems before anything is written. The backend checks
 * the rows exactly as the forms do, and imports all of them or none; the import shows rows checked
 * and can be cancelled until it writes, in one transaction.
 */
export function ImportWizard({ kind, aliases, onClose }: Props) {
  const rk = recordKinds[kind]
  // 'Content' is the navigation's word; counted it reads "Import 15,000 content items", not "15,000 content".
  const noun = countNoun(rk)
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<PickedFile | undefined>(undefined)
  const [running, setRunning] = useState<Running | null>(null)
  const [notice, setNotice] = useState<string | undefined>(undefined)
  const stop = useRef<(() => void) | undefined>(undefined)
  const onCancel = (f: () => void) => (stop.current = f)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [updateById, setUpdateById] = useState(false)
  // How to read the file where the person decides: the workbook sheet, the date order when dates read both
  // ways, the tool that wrote it (undefined: recognised from the columns).
  type Reading = Pick<ImportInput, 'sheet' | 'dateOrder' | 'preset'>
  const [reading, setReading] = useState<Reading>({})
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  const [result, setResult] = useState<ImportResult | undefined>(undefined)
  // "Undo this import", right where it was done: most screens that import have no Undo button of their own.
  const [undo, setUndo] = useState<'idle' | 'running' | 'done'>('idle')
  const asked = useRef(0)

  const refresh = async (f: PickedFile, m: Record<string, string>, update: boolean, how: Reading = reading): Promise<void> => {
    // Answers can arrive out of order while someone clicks through the selects; keep the latest.
    const ticket = ++asked.current
    setBusy(true)
    try {
      const p = await api.call('import-preview', { kind, fileName: f.name, ...sourceOf(f), mapping: m, aliases, updateById: update, ...how })
      if (ticket === asked.current) {
        setPreview(p)
        setError(undefined)
      }
    } catch (e) {
      if (ticket === asked.current) setError(e instanceof Error ? e.message : String(e))
    } finally {
      if (ticket === asked.current) setBusy(false)
    }
  }

  const choose = async (picked: File | undefined, next: Step): Promise<void> => {
    if (picked === undefined) return
    setError(undefined)
    setNotice(undefined)
    let f: PickedFile
    try {
      f = await readPicked(picked, setRunning, onCancel)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') setNotice(e.message)
      else setError(e instanceof Error ? e.message : String(e))
      return
    } finally {
      setRunning(null)
    }
    await openFile(f, next)
  }

  /** A file read (or a sample made from this workspace, text already: nothing to upload): its preview, at `next`. */
  const openFile = async (f: PickedFile, next: Step): Promise<void> => {
    setError(undefined)
    setNotice(undefined)
    setFile(f)
    setResult(undefined)
    setUndo('idle')
    setReading({})
    await refresh(f, mapping, updateById, {})
    setStep(next)
  }

  const runImport = async (): Promise<void> => {
    if (file === undefined) return
    setBusy(true)
    setNotice(undefined)
    setRunning({ phase: 'checking', done: 0, total: preview?.rows ?? 0 })
    try {
      const p = await followImport({ kind, fileName: file.name, ...sourceOf(file), mapping, aliases, updateById, ...reading }, setRunning, onCancel)
      setRunning(null)
      if (p.phase === 'done' && p.result) {
        setResult(p.result)
        setUndo('idle')
        setStep('done')
        setError(undefined)
      } else if (p.phase === 'cancelled') {
        // The backend removed the uploaded copy with everything else; start again from the file.
        setFile(undefined)
        setPreview(undefined)
        setStep('file')
        setNotice(`Import cancelled: nothing was imported from ${file.name}. Choose the file again to import it.`)
      } else {
        setError(p.error ?? 'The import stopped without saying why; nothing was imported.')
        // Someone may have changed a referenced record meanwhile: show the current problems.
        await refresh(file, mapping, updateById)
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setRunning(null)
      setBusy(false)
    }
  }

  const undoImport = async (): Promise<void> => {
    if (result?.tx == null) return
    setUndo('running')
    setError(undefined)
    try {
      // Only this import: if something was changed after it, the backend refuses and says what.
      await api.call('history-undo', { tx: result.tx })
      setUndo('done')
    } catch (e) {
      setUndo('idle')
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const filePicker = (label: string, next: Step) => (
    <label className="btn tx-file">
      {label}
      <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain" data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0], next).finally(() => (e.target.value = ''))} />
    </label>
  )

  return (
    <Dialog title={`Import ${noun} from CSV`} onClose={onClose} testId="import-wizard">
      <div className="tx">
        <ol className="tx-steps" aria-label="Steps">
          {steps.map((s, i) => (
            <li key={s.id} aria-current={s.id === step ? 'step' : undefined} className={s.id === step ? 'tx-step-on' : steps.findIndex((x) => x.id === step) > i || step === 'done' ? 'tx-step-done' : ''}>
              <span className="tx-step-n">{i + 1}</span>
              {s.label}
            </li>
          ))}
        </ol>
        {file !== undefined && step !== 'file' && (
          <p className="tx-filebar muted">
            <b>{file.name}</b>
            {preview !== undefined && ` · ${preview.rows.toLocaleString()} rows · ${preview.headers.length} columns`}
            {busy && ' · checking…'}
          </p>
        )}
        {file !== undefined && step !== 'file' && preview?.source !== undefined && (
          <div className="tx-dialect muted" data-testid="import-dialect">
            <span>Read as {preview.source.summary}.</span>
            {(preview.source.sheets?.length ?? 0) > 1 && (
              <label>
                {' '}Sheet{' '}
                <select data-testid="import-sheet" value={preview.source.sheet} onChange={(e) => {
                  const how = { ...reading, sheet: e.target.value }
                  setReading(how)
                  void refresh(file, mapping, updateById, how)
                }}>
                  {preview.source.sheets?.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
            )}
            {(preview.source.dateQuestion || reading.dateOrder !== undefined) && (
              <label>
                {' '}Dates like 03/04/2026 are{' '}
                <select data-testid="import-date-order" value={reading.dateOrder ?? ''} onChange={(e) => {
                  const v = e.target.value
                  const how: Reading = { sheet: reading.sheet, preset: reading.preset, dateOrder: v === 'dmy' ? 'dmy' : v === 'mdy' ? 'mdy' : undefined }
                  setReading(how)
                  void refresh(file, mapping, updateById, how)
                }}>
                  <option value="">choose…</option>
                  <option value="dmy">3 April (day first)</option>
                  <option value="mdy">March 4 (month first)</option>
                </select>
              </label>
            )}
          </div>
        )}
        {error !== undefined && (
          <p className="form-error tx-error" role="alert">
            {error}
          </p>
        )}

        {notice !== undefined && (
          <p className="tx-notice" role="status" data-testid="import-notice">
            {notice}
          </p>
        )}
        {running !== null && <ProgressLine running={running} onCancel={() => stop.current?.()} />}
        {running === null && busy && step === 'file' && (
          <p className="tx-notice muted" role="status">
            Reading {file?.name ?? 'the file'}…
          </p>
        )}

        <div className="tx-body">
          {step === 'file' && (
            <div className="tx-start">
              <p>
                Choose a CSV file with one {rk.label.toLowerCase()} per row and the column names in the first row. Next you match its columns to fields, then every
                row is checked before anything is saved: if any row has a problem, nothing is imported.
              </p>
              <ul className="muted tx-hints">
                <li>Numbers may use thousands separators (12,000); yes/no for checkboxes; dates like 2026-11-23.</li>
                <li>People, channels and other references can be given by name or by id.</li>
                <li>With an Id column (as exported), existing records can be updated instead of added.</li>
              </ul>
              {running === null && !busy && filePicker('Choose a CSV file…', 'columns')}
              {running === null && samplesOf[kind] !== undefined && <SampleFiles names={samplesOf[kind]} busy={busy} onPick={(f) => void openFile({ name: f.name, size: f.text.length, text: f.text }, 'columns')} />}
            </div>
          )}
          {step === 'columns' && preview !== undefined && file !== undefined && (
            <SourcePicker
              kind={kind}
              headers={preview.headers}
              preset={reading.preset}
              onChange={(preset) => {
                const how: Reading = { sheet: reading.sheet, dateOrder: reading.dateOrder, preset }
                setReading(how)
                void refresh(file, mapping, updateById, how)
              }}
            />
          )}
          {step === 'columns' && preview !== undefined && file !== undefined && (
            <MappingStep
              preview={preview}
              onMap={(header, field) => {
                const m = { ...mapping, [header]: field }
                setMapping(m)
                void refresh(file, m, updateById)
              }}
              updateById={updateById}
              onUpdateById={(v) => {
                setUpdateById(v)
                void refresh(file, mapping, v)
              }}
            />
          )}
          {step === 'check' && preview !== undefined && <CheckStep preview={preview} noun={noun} one={rk.label.toLowerCase()} />}
          {step === 'done' && result !== undefined && (
            <div className="tx-done" role="status" data-testid="import-done">
              {undo === 'done' ? (
                <>
                  <p className="tx-done-big">The import of {file?.name} was taken back.</p>
                  <p className="muted">
                    {describeUndone(result)} Redo on the calendar or board brings it back.
                  </p>
                </>
              ) : (
                <>
                  <p className="tx-done-big">
                    Imported {file?.name}: {result.created.toLocaleString()} added, {result.updated.toLocaleString()} updated
                    {result.unchanged > 0 ? `, ${result.unchanged.toLocaleString()} already up to date` : ''}.
                  </p>
                  {result.tx !== null && (
                    <p className="muted tx-undo">
                      It was one change, so one undo takes all of it back.{' '}
                      <button type="button" className="btn btn-sm" data-testid="import-undo" disabled={undo === 'running'} aria-busy={undo === 'running'} onClick={() => void undoImport()}>
                        {undo === 'running' ? `Taking back ${(result.created + result.updated).toLocaleString()} ${result.created + result.updated === 1 ? 'record' : 'records'}…` : 'Undo this import'}
                      </button>
                    </p>
                  )}
                </>
              )}
            </div>
          )}
        </div>

        <footer className="dialog-foot">
          {step === 'columns' && (
            <>
              <button type="button" className="btn tx-left" onClick={() => setStep('file')}>
                Back
              </button>
              <button type="button" className="btn btn-primary" data-testid="import-next" disabled={busy} onClick={() => setStep('check')}>
                Next: check rows
              </button>
            </>
          )}
          {step === 'check' && preview !== undefined && (
            <>
              <button type="button" className="btn tx-left" disabled={running !== null} onClick={() => setStep('columns')}>
                Back to columns
              </button>
              {filePicker(preview.problemCount > 0 ? 'Choose the fixed file…' : 'Choose another file…', 'check')}
              <button type="button" className="btn btn-primary" data-testid="import-apply" disabled={busy || preview.problemCount > 0 || preview.creates + preview.updates === 0} onClick={() => void runImport()}>
                {preview.problemCount > 0 ? 'Import' : `Import ${(preview.creates + preview.updates).toLocaleString()} ${preview.creates + preview.updates === 1 ? rk.label.toLowerCase() : noun}`}
              </button>
            </>
          )}
          {(step === 'file' || step === 'done') && running === null && (
            <button type="button" className={step === 'done' ? 'btn btn-primary' : 'btn'} disabled={undo === 'running'} onClick={onClose}>
              {step === 'done' ? 'Done' : 'Cancel'}
            </button>
          )}
        </footer>
      </div>
    </Dialog>
  )
}

/** What an undone import changed back: the records it added are removed, the ones it updated are as before. */
function describeUndone(r: ImportResult): string {
  const parts = [r.created > 0 ? `${r.created.toLocaleString()} added ${r.created === 1 ? 'record is' : 'records are'} removed` : '', r.updated > 0 ? `${r.updated.toLocaleString()} updated ${r.updated === 1 ? 'record is' : 'records are'} as before` : ''].filter(Boolean)
  return `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase())
}

/** Bytes uploaded, then rows checked, then the one-step write; Cancel until the write starts. */
function ProgressLine({ running, onCancel }: { running: Running; onCancel: () => void }) {
  const { fraction, text } = describeRunning(running)
  return (
    <div className="tx-progress" role="status" aria-live="polite" data-testid="import-progress">
      <progress max={1} value={fraction} aria-label="Import progress" />
      <span>{text}</span>
      {running.phase !== 'writing' && (
        <button type="button" className="btn" data-testid="import-cancel" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  )
}
