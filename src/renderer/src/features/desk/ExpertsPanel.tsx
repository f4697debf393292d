import { useMemo, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { api } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { useNames } from '../records/useNames'
import { WatchList } from './WatchList'

type Expert = KindRecord<'expert'>

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'memberId', label: 'Team member', input: 'ref', refKind: 'member', help: 'When the expert uses SMO Desk: their conversations show in their My work.' },
  { name: 'team', label: 'Team', input: 'text', help: 'Engineering, Product, Support, Legal…' },
  { name: 'role', label: 'Role', input: 'text' },
  { name: 'email', label: 'Email', input: 'text' },
  { name: 'availability', label: 'Availability', input: 'select', options: enums.expertAvailability.options },
  { name: 'availabilityNote', label: 'Availability note', input: 'text' },
  { name: 'topics', label: 'Topics', input: 'tags', wide: true },
  { name: 'languages', label: 'Languages', input: 'tags' },
  { name: 'escalatesToId', label: 'Escalates to', input: 'ref', refKind: 'expert', help: 'Who takes over a breach when the type has no escalation ladder.' },
  { name: 'active', label: 'Answers conversations', input: 'checkbox' }
]

/**
 * The people who answer — members and practitioners outside marketing — with their topics, languages
 * and availability; the one chosen shows the sources they watch. Leaving keeps the expert (history
 * keeps their name) and sends their open conversations back to triage.
 */
export function ExpertsPanel() {
  const members = useNames('member')
  const experts = useNames('expert')
  const [active, setActive] = useState<Expert | undefined>(undefined)
  const [leaving, setLeaving] = useState<Expert | undefined>(undefined)
  const [left, setLeft] = useState<string | undefined>(undefined)
  const columns = useMemo<DataColumn<Expert>[]>(
    () => [
      col.text('name', 'Name', (e) => e.name, { width: 180 }),
      col.text('team', 'Team', (e) => e.team, { width: 130 }),
      col.text('role', 'Role', (e) => e.role, { width: 160 }),
      col.list('topics', 'Topics', (e) => e.topics, { width: 220 }),
      col.list('languages', 'Languages', (e) => e.languages, { width: 110 }),
      col.enum('availability', 'Availability', (e) => e.availability, enums.expertAvailability.options, { width: 120 }),
      col.ref('member', 'Team member', (e) => e.memberId, members.map, { width: 150 }),
      col.text('status', 'Status', (e) => (e.active ? 'Answering' : e.leftAt !== null ? 'Left' : 'Not answering'), { width: 120 }),
      col.ref('escalatesTo', 'Escalates to', (e) => e.escalatesToId, experts.map, { hidden: true })
    ],
    [members.map, experts.map]
  )
  return (
    <div className="desk-split">
      <div className="desk-split-main">
        <RecordTable kind="expert" tableId="experts" columns={columns} fields={fields} refOptions={{ member: members.options, expert: experts.options }} initialSort={[{ id: 'name', desc: false }]} onActiveChange={setActive} />
      </div>
      <section className="card desk-split-side" aria-labelledby="expert-side" data-testid="expert-side">
        {active === undefined ? (
          <p className="muted" id="expert-side">
            Choose an expert to see what they watch.
          </p>
        ) : (
          <>
            <h2 id="expert-side">{active.name}</h2>
            <p className="subtle">
              {[active.role, active.team].filter((x) => x !== '').join(', ') || 'No role or team yet'}
              {active.availabilityNote !== '' && ` · ${active.availabilityNote}`}
            </p>
            {left !== undefined && <p role="status">{left}</p>}
            {active.active && (
              <button type="button" className="btn" onClick={() => setLeaving(active)} data-testid="expert-leave">
                {active.name} leaves the desk…
              </button>
            )}
            <WatchList key={active.id} expertId={active.id} expertName={active.name} />
          </>
        )}
      </section>
      {leaving !== undefined && (
        <ConfirmDialog
          title={`${leaving.name} leaves the desk?`}
          confirmLabel="Record that they left"
          onClose={() => setLeaving(undefined)}
          onConfirm={async () => {
            const r = await api.call('expert-leave', { id: leaving.id })
            setLeft(r.returned === 0 ? `${leaving.name} left; no open conversation was theirs.` : `${leaving.name} left; ${r.returned} open conversations went back to triage with a note.`)
          }}
        >
          <p>They stay in the history of every conversation they answered. Their open conversations go back to triage, each with a note, for someone else to pick up.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
