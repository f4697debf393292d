import { useMemo } from 'react'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { useNames } from '../records/useNames'
import { useCurrency } from '../../api/useCurrency'

type Campaign = KindRecord<'campaign'>

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member' },
  { name: 'startDate', label: 'Starts', input: 'date' },
  { name: 'endDate', label: 'Ends', input: 'date' },
  { name: 'budget', label: 'Budget', input: 'number', help: 'Money set aside for the campaign (ads, events, fees)' },
  { name: 'color', label: 'Colour', input: 'text', help: 'Shown on the calendar bar, e.g. #7c5cff' },
  { name: 'description', label: 'Description', input: 'textarea' }
]

/** Campaigns: the date spans the calendar draws as bars and content items belong to. */
export function CampaignsScreen() {
  const members = useNames('member')
  const currency = useCurrency()
  const columns = useMemo<DataColumn<Campaign>[]>(
    () => [
      col.text('name', 'Name', (c) => c.name, { width: 260 }),
      col.date('startDate', 'Starts', (c) => c.startDate, { width: 130 }),
      col.date('endDate', 'Ends', (c) => c.endDate, { width: 130 }),
      col.ref('owner', 'Owner', (c) => c.ownerId, members.map),
      col.money('budget', 'Budget', (c) => c.budget, currency, { width: 120 }),
      col.number('goalIds', 'Goals', (c) => c.goalIds.length, { width: 90 }),
      col.text('description', 'Description', (c) => c.description, { width: 320 }),
      col.datetime('updatedAt', 'Last changed', (c) => c.updatedAt, { hidden: true })
    ],
    [members.map, currency]
  )
  return (
    <div className="screen">
      <ScreenHeader title="Campaigns" description="Campaigns with their dates, owner and budget. Content items join a campaign from their own form; the calendar draws each campaign as a bar across its days. What each brought, against what it cost, is under Results." />
      <div className="screen-body">
        <RecordTable kind="campaign" tableId="campaigns" columns={columns} fields={fields} refOptions={{ member: members.options }} initialSort={[{ id: 'startDate', desc: true }]} />
      </div>
    </div>
  )
}
