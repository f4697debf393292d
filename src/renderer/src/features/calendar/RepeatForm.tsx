import { useState } from 'react'
import type { ApiOutput } from '../../../../core/api/contract'
import { ApiError } from '../../api/ApiError'
import { api } from '../../api/client'
import { DateInput } from '../../components/DateInput'

type Item = ApiOutput<'content-get'>

/** Turn an item into a recurring series, or show the rule of the series it belongs to. */
export function RepeatForm({ item, onMessage }: { item: Item; onMessage: (t: string, tone: 'ok' | 'error') => void }) {
  const [freq, setFreq] = useState<'weekly' | 'monthly'>('weekly')
  const [interval, setInterval] = useState('1')
  const [end, setEnd] = useState<'count' | 'until'>('count')
  const [count, setCount] = useState('6')
  const [until, setUntil] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  if (item.seriesId && item.recurrence) {
    const r = item.recurrence
    return (
      <p className="subtle small series-note" data-testid="series-note">
        Repeats {r.freq === 'weekly' ? (r.interval === 1 ? 'weekly' : `every ${r.interval} weeks`) : r.interval === 1 ? 'monthly' : `every ${r.interval} months`}
        {r.until ? ` until ${r.until}` : r.count ? `, ${r.count} times` : ''}.
      </p>
    )
  }
  const submit = async () => {
    setError(undefined)
    try {
      const rule = { freq, interval: Number(interval), ...(end === 'count' ? { count: Number(count) } : { until: until || null }) }
      const r = await api.call('calendar-repeat', { id: item.id, rule })
      onMessage(`Series created: ${r.count} occurrences`, 'ok')
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e))
    }
  }
  return (
    <details className="repeat-form">
      <summary>Repeat…</summary>
      <div className="repeat-row">
        <select className="select select-sm" aria-label="Repeat" value={freq} onChange={(e) => setFreq(e.target.value === 'monthly' ? 'monthly' : 'weekly')}>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
        </select>
        <label className="small">every <input className="input input-xs" aria-label="Interval" value={interval} onChange={(e) => setInterval(e.target.value)} /> {freq === 'weekly' ? 'week(s)' : 'month(s)'}</label>
        <select className="select select-sm" aria-label="Ends" value={end} onChange={(e) => setEnd(e.target.value === 'until' ? 'until' : 'count')}>
          <option value="count">after</option>
          <option value="until">until</option>
        </select>
        {end === 'count' ? <input className="input input-xs" aria-label="Occurrences" value={count} onChange={(e) => setCount(e.target.value)} /> : <DateInput className="input input-sm" aria-label="Until" value={until} onChange={setUntil} />}
        <button type="button" className="btn btn-sm" onClick={() => void submit()} disabled={!item.plannedDate}>
          Create series
        </button>
      </div>
      {!item.plannedDate && <p className="subtle small">Plan the item on a day first.</p>}
      {error && <p className="field-error">{error}</p>}
    </details>
  )
}
