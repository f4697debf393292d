import { useMemo } from 'react'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'

type Member = KindRecord<'member'>

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'role', label: 'Role', input: 'text' },
  { name: 'email', label: 'Email', input: 'text' },
  { name: 'weeklyCapacityHours', label: 'Weekly capacity (hours)', input: 'number', help: 'Hours a week this person can give to content and channels' },
  { name: 'otherWorkHoursPerWeek', label: 'Other work (hours a week)', input: 'number', help: 'Meetings, conversations, influencer work: not available for channels' },
  { name: 'active', label: 'Active member', input: 'checkbox' }
]

export function MembersScreen() {
  const columns = useMemo<DataColumn<Member>[]>(
    () => [
      col.text('name', 'Name', (m) => m.name, { width: 200 }),
      col.text('role', 'Role', (m) => m.role, { width: 200 }),
      col.text('email', 'Email', (m) => m.email, { width: 240 }),
      col.number('weeklyCapacityHours', 'Hours / week', (m) => m.weeklyCapacityHours, { width: 120 }),
      col.bool('active', 'Active', (m) => m.active),
      col.datetime('updatedAt', 'Last changed', (m) => m.updatedAt, { hidden: true })
    ],
    []
  )
  return (
    <div className="screen">
      <ScreenHeader title="Members" description="The people on the team and the hours a week each can give; capacity planning and ownership build on this list." />
      <div className="screen-body">
        <RecordTable kind="member" tableId="members" columns={columns} fields={fields} refOptions={{}} initialSort={[{ id: 'name', desc: false }]} />
      </div>
    </div>
  )
}
