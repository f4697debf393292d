import { useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { weekdayNames, weekdays, type Weekday } from '../../../../core/domain/deskPolicy'
import { deskLabel } from '../../../../core/listening/deskLabel'
import type { ApiError } from '../../api/ApiError'
import { useMutation } from '../../api/useMutation'
import { useQuery } from '../../api/useQuery'
import { parseNumber } from '../../components/formValues'
import { DeskField, generalError, issueAt } from './DeskField'
import { TargetsTable, type TargetDraft } from './TargetsTable'

type Settings = ApiOutput<'desk-settings-get'>['settings']
type Span = { start: string; end: string }
type Draft = {
  timeZone: string
  week: Record<Weekday, Span[]>
  holidays: { date: string; name: string }[]
  targets: TargetDraft[]
  warnHours: string
  autoEscalate: boolean
}

const toDraft = (s: Settings): Draft => ({
  timeZone: s.timeZone,
  week: Object.fromEntries(weekdays.map((d) => [d, s.week[d].map((x) => ({ ...x }))])) as Record<Weekday, Span[]>,
  holidays: s.holidays.map((h) => ({ ...h })),
  targets: s.targets.map((t) => ({ type: t.type, priority: t.priority, firstResponseHours: String(t.firstResponseHours), resolutionHours: String(t.resolutionHours) })),
  warnHours: String(s.warnHours),
  autoEscalate: s.autoEscalate
})

let zones: readonly string[] | undefined
const timeZones = (): readonly string[] => (zones ??= Intl.supportedValuesOf('timeZone'))

/** The desk's clock settings once loaded: the form starts from them, and again after each save. */
export function DeskSettingsPanel() {
  const q = useQuery('desk-settings-get', {}, { dependsOn: ['deskPolicy'] })
  if (q.data === undefined) return q.error !== undefined ? <p className="form-error" role="alert">{q.error.message}</p> : <p className="muted">Loading…</p>
  return <SettingsForm key={JSON.stringify(q.data.settings)} settings={q.data.settings} saved={q.data.saved} />
}

/**
 * Time zone, business hours per weekday, holidays, response targets per type and priority, when a clock
 * counts as about to breach, and whether a breach escalates by itself. Saving recomputes every due time;
 * a refusal (a zone that does not exist, hours that end before they start, a target of zero) is shown
 * at its field and nothing is changed.
 */
function SettingsForm({ settings, saved }: { settings: Settings; saved: boolean }) {
  const [d, setD] = useState<Draft>(() => toDraft(settings))
  const save = useMutation('desk-settings-set')
  const [done, setDone] = useState<string | undefined>(undefined)
  const err: ApiError | undefined = save.error
  const setDay = (day: Weekday, spans: Span[]): void => setD((x) => ({ ...x, week: { ...x.week, [day]: spans } }))
  const submit = (): void => {
    setDone(undefined)
    save
      .mutate({
        timeZone: d.timeZone.trim(),
        week: d.week,
        holidays: d.holidays,
        targets: d.targets.map((t) => ({ type: t.type, priority: t.priority, firstResponseHours: parseNumber(t.firstResponseHours), resolutionHours: parseNumber(t.resolutionHours) })),
        warnHours: parseNumber(d.warnHours),
        autoEscalate: d.autoEscalate
      })
      .then((r) => setDone(`Saved. ${r.recomputed.toLocaleString()} due times recomputed.`), () => undefined)
  }
  return (
    <form
      className="desk-settings"
      data-testid="desk-settings"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      {!saved && <p className="banner banner-warn">These are the starting settings; nothing has been saved for this desk yet.</p>}
      <section className="card desk-settings-card" aria-labelledby="desk-hours-title">
        <h2 id="desk-hours-title">Business hours</h2>
        <DeskField label="Time zone" error={issueAt(err, 'timeZone')} help="The clocks count business hours in this zone, whatever the zone of the computer.">
          {(a) => (
            <>
              <input {...a} className="input" list="desk-zones" value={d.timeZone} onChange={(e) => setD((x) => ({ ...x, timeZone: e.target.value }))} data-testid="desk-zone" />
              <datalist id="desk-zones">
                {timeZones().map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </DeskField>
        <div className="desk-week">
          {weekdays.map((day) => (
            <fieldset key={day} className="desk-day" data-testid={`desk-day-${day}`}>
              <legend>{weekdayNames[day]}</legend>
              {d.week[day].length === 0 && <span className="subtle">Closed</span>}
              {d.week[day].map((s, i) => (
                <div className="row" key={i}>
                  <DeskField label={`${weekdayNames[day]} opens`} error={issueAt(err, 'week', day, i, 'start')}>
                    {(a) => <input {...a} className="input desk-time" value={s.start} onChange={(e) => setDay(day, d.week[day].map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />}
                  </DeskField>
                  <DeskField label={`${weekdayNames[day]} closes`} error={issueAt(err, 'week', day, i, 'end')}>
                    {(a) => <input {...a} className="input desk-time" value={s.end} onChange={(e) => setDay(day, d.week[day].map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />}
                  </DeskField>
                  <button type="button" className="btn btn-ghost" onClick={() => setDay(day, d.week[day].filter((_, j) => j !== i))}>
                    Remove {weekdayNames[day]} hours {i + 1}
                  </button>
                </div>
              ))}
              {issueAt(err, 'week', day) !== undefined && issueAt(err, 'week', day, 0) === undefined && <p className="field-error" role="alert">{issueAt(err, 'week', day)}</p>}
              {d.week[day].length < 4 && (
                <button type="button" className="btn btn-sm" onClick={() => setDay(day, [...d.week[day], { start: '09:00', end: '17:00' }])}>
                  Add hours on {weekdayNames[day]}
                </button>
              )}
            </fieldset>
          ))}
        </div>
      </section>

      <section className="card desk-settings-card" aria-labelledby="desk-holidays-title">
        <h2 id="desk-holidays-title">Holidays</h2>
        <p className="subtle">The clocks stop on these days.</p>
        {d.holidays.map((h, i) => (
          <div className="row" key={i}>
            <DeskField label={`Holiday ${i + 1} date`} error={issueAt(err, 'holidays', i, 'date')}>
              {(a) => <input {...a} className="input" type="date" value={h.date} onChange={(e) => setD((x) => ({ ...x, holidays: x.holidays.map((y, j) => (j === i ? { ...y, date: e.target.value } : y)) }))} />}
            </DeskField>
            <DeskField label={`Holiday ${i + 1} name`} error={issueAt(err, 'holidays', i, 'name')}>
              {(a) => <input {...a} className="input" value={h.name} onChange={(e) => setD((x) => ({ ...x, holidays: x.holidays.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)) }))} />}
            </DeskField>
            <button type="button" className="btn btn-ghost" onClick={() => setD((x) => ({ ...x, holidays: x.holidays.filter((_, j) => j !== i) }))}>
              Remove holiday {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-sm" onClick={() => setD((x) => ({ ...x, holidays: [...x.holidays, { date: '', name: '' }] }))}>
          Add a holiday
        </button>
      </section>

      <section className="card desk-settings-card" aria-labelledby="desk-targets-title">
        <h2 id="desk-targets-title">Response targets</h2>
        <p className="subtle">In business hours, per type and priority. {deskLabel('crisis')} and {deskLabel('complaint').toLowerCase()} targets are usually the shortest.</p>
        <TargetsTable targets={d.targets} error={err} onChange={(targets) => setD((x) => ({ ...x, targets }))} />
        <div className="desk-grid-2">
          <DeskField label="About to breach when fewer business hours are left than" error={issueAt(err, 'warnHours')}>
            {(a) => <input {...a} className="input num" inputMode="decimal" value={d.warnHours} onChange={(e) => setD((x) => ({ ...x, warnHours: e.target.value }))} data-testid="desk-warn" />}
          </DeskField>
          <label className="desk-check">
            <input type="checkbox" checked={d.autoEscalate} onChange={(e) => setD((x) => ({ ...x, autoEscalate: e.target.checked }))} /> A breach escalates by itself up the type’s ladder
          </label>
        </div>
      </section>

      <div className="row desk-settings-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending} data-testid="desk-settings-save">
          Save desk settings
        </button>
        {done !== undefined && <span role="status">{done}</span>}
        {generalError(err, ['timeZone', 'week', 'holidays', 'targets', 'warnHours', 'autoEscalate']) !== undefined && (
          <span className="field-error" role="alert">
            {err?.message}
          </span>
        )}
        {err !== undefined && generalError(err, ['timeZone', 'week', 'holidays', 'targets', 'warnHours', 'autoEscalate']) === undefined && (
          <span className="field-error">Nothing was saved: see the {err.issues.length === 1 ? 'field' : `${err.issues.length} fields`} marked above.</span>
        )}
      </div>
    </form>
  )
}
