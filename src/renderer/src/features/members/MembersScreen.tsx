import { useMemo } from 'react'
import { enums, labelOf } from '../../../../core/domain/enums'
import { useQuery } from '../../api/useQuery'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { JoinRequests } from './JoinRequests'

type Member = KindRecord<'member'>

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'role', label: 'Role', input: 'text' },
  { name: 'email', label: 'Email', input: 'text' },
  { name: 'weeklyCapacityHours', label: 'Weekly capacity (hours)', input: 'number', help: 'Hours a week this person can give to content and channels' },
  { name: 'otherWorkHoursPerWeek', label: 'Other work (hours a week)', input: 'number', help: 'Meetings, conversations, influencer work: not available for channels' },
  { name: 'active', label: 'Active member', input: 'checkbox' },
  // Only owners may change it; the backend refuses anyone else with the role it needs.
  { name: 'access', label: 'Access role', input: 'select', options: enums.access.options, help: 'Owner: members, roles, policy, sync. Approver: approve and publish. Editor: edit anything not approved. Contributor: own items. Viewer: read only.' }
]

export function MembersScreen() {
  const me = useQuery('me-get', {})
  const meId = me.data?.me?.id
  const columns = useMemo<DataColumn<Member>[]>(
    () => [
      col.text('name', 'Name', (m) => (m.id === meId ? `${m.name} (me)` : m.name), { width: 200 }),
      col.text('access', 'Access', (m) => labelOf(m.access), { width: 120 }),
      col.text('role', 'Role', (m) => m.role, { width: 200 }),
      col.text('email', 'Email', (m) => m.email, { width: 240 }),
      col.number('weeklyCapacityHours', 'Hours / week', (m) => m.weeklyCapacityHours, { width: 120 }),
      col.bool('active', 'Active', (m) => m.active),
      col.datetime('updatedAt', 'Last changed', (m) => m.updatedAt, { hidden: true })
    ],
    [meId]
  )
  return (
    <div className="screen">
      <ScreenHeader title="Members" description="The people on the team and the hours a week each can give; capacity planning and ownership build on this list." />
      <div className="screen-body">
        <JoinRequests />
        <RecordTable kind="member" tableId="members" columns={columns} fields={fields} refOptions={{}} initialSort={[{ id: 'name', desc: false }]} />
      </div>
    </div>
  )
}
