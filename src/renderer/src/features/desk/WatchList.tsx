import { useMemo, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { api } from '../../api/client'
import type { ApiError } from '../../api/ApiError'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { format } from '../../components/format'
import { RecordTable } from '../records/RecordTable'
import { useNames } from '../records/useNames'

type Watch = KindRecord<'watch'>
const DAY_MS = 86_400_000

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'type', label: 'Kind of source', input: 'select', options: enums.watchKind.options },
  { name: 'url', label: 'Address', input: 'text', wide: true },
  { name: 'influencerId', label: 'Influencer', input: 'ref', refKind: 'influencer' },
  { name: 'everyDays', label: 'Look every (days)', input: 'number', min: 0, step: 1, help: '0: no rhythm.' },
  { name: 'lastCheckedAt', label: 'Last checked', input: 'datetime' },
  { name: 'note', label: 'Note', input: 'textarea', wide: true }
]

/** Whether a source is due for a look: never checked, or its rhythm has passed since the last look. */
export function checkDue(w: Pick<Watch, 'everyDays' | 'lastCheckedAt'>, now: number): boolean {
  if (w.everyDays === 0) return false
  return w.lastCheckedAt === null || Date.parse(w.lastCheckedAt) + w.everyDays * DAY_MS < now
}

/** One expert's watchlist: blogs, communities, forums and influencers, when each was last looked at, and "Mark checked". */
export function WatchList({ expertId, expertName }: { expertId: string; expertName: string }) {
  const influencers = useNames('influencer')
  const [now] = useState(() => Date.now())
  const [active, setActive] = useState<Watch | undefined>(undefined)
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const where = useMemo(() => [{ field: 'expertId', op: 'eq' as const, value: expertId }], [expertId])
  const columns = useMemo<DataColumn<Watch>[]>(
    () => [
      col.text('name', 'Source', (w) => w.name, { width: 170 }),
      col.enum('type', 'Kind', (w) => w.type, enums.watchKind.options, { width: 110 }),
      {
        ...col.datetime('lastCheckedAt', 'Last checked', (w) => w.lastCheckedAt, { width: 190 }),
        render: (w) =>
          checkDue(w, now) ? (
            <span className="desk-due-late">
              <span aria-hidden="true">⚠ </span>
              {w.lastCheckedAt === null ? 'Never checked' : `${format.datetime(w.lastCheckedAt)} · due`}
            </span>
          ) : (
            format.datetime(w.lastCheckedAt)
          )
      },
      col.number('everyDays', 'Every (days)', (w) => w.everyDays, { width: 110 }),
      col.text('url', 'Address', (w) => w.url, { width: 200, hidden: true }),
      col.ref('influencer', 'Influencer', (w) => w.influencerId, influencers.map, { hidden: true })
    ],
    [influencers.map, now]
  )
  return (
    <div className="desk-watch" data-testid="watchlist">
      <h3>What {expertName} watches</h3>
      <div className="desk-toolbar">
        <button
          type="button"
          className="btn"
          disabled={active === undefined}
          data-testid="watch-checked"
          onClick={() => {
            if (active === undefined) return
            setError(undefined)
            api.records('watch').update({ id: active.id, lastCheckedAt: new Date().toISOString() }).catch((e: ApiError) => setError(e))
          }}
        >
          {active === undefined ? 'Mark checked' : `Mark “${active.name}” checked now`}
        </button>
        {error !== undefined && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </div>
      <RecordTable kind="watch" tableId="watchlist" columns={columns} fields={fields} where={where} presets={{ expertId }} refOptions={{ influencer: influencers.options }} initialSort={[{ id: 'lastCheckedAt', desc: false }]} onActiveChange={setActive} />
    </div>
  )
}
