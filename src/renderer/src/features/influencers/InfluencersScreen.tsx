import { useMemo } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { StatusBadge } from '../records/StatusBadge'
import { useNames } from '../records/useNames'

type Influencer = KindRecord<'influencer'>

const fields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'title', label: 'Title', input: 'text', help: 'Role and company, e.g. "Analyst, RedMonk"' },
  { name: 'stage', label: 'Relationship stage', input: 'select', options: enums.stage.options },
  { name: 'ownerId', label: 'Relationship owner', input: 'ref', refKind: 'member' },
  { name: 'reach', label: 'Reach', input: 'number', help: 'Followers or subscribers across platforms' },
  { name: 'engagementRate', label: 'Engagement rate', input: 'number', help: 'Between 0 and 1 (0.035 for 3.5 %)' },
  { name: 'relevance', label: 'Relevance (1–5)', input: 'number' },
  { name: 'topics', label: 'Topics', input: 'tags' },
  { name: 'lastContactDate', label: 'Last contact', input: 'date' },
  { name: 'nextActionDate', label: 'Next action by', input: 'date' },
  { name: 'nextAction', label: 'Next action', input: 'text', wide: true },
  {
    name: 'handles',
    label: 'Handles',
    input: 'rows',
    wide: true,
    addLabel: 'Add a handle',
    asRecord: { key: 'platform', value: 'handle' },
    columns: [
      { key: 'platform', label: 'Platform', type: 'select', options: enums.platform.options, width: '180px' },
      { key: 'handle', label: 'Handle or URL', type: 'text' }
    ]
  },
  { name: 'notes', label: 'Notes', input: 'textarea' },
  {
    name: 'interactions',
    label: 'Interactions',
    input: 'rows',
    wide: true,
    addLabel: 'Log an interaction',
    help: 'Calls, emails, meetings… The newest date becomes the last contact.',
    columns: [
      { key: 'date', label: 'Date', type: 'date', width: '150px' },
      { key: 'kind', label: 'Kind', type: 'select', options: enums.interactionKind.options, width: '150px' },
      { key: 'note', label: 'Note', type: 'text' }
    ]
  }
]

export function InfluencersScreen() {
  const members = useNames('member')
  const columns = useMemo<DataColumn<Influencer>[]>(
    () => [
      col.text('name', 'Name', (i) => i.name, { width: 190 }),
      col.text('title', 'Title', (i) => i.title, { width: 200 }),
      col.enum('stage', 'Stage', (i) => i.stage, enums.stage.options, { width: 130, render: (i) => <StatusBadge value={i.stage} /> }),
      col.ref('owner', 'Owner', (i) => i.ownerId, members.map, { width: 150 }),
      col.number('reach', 'Reach', (i) => i.reach),
      col.percent('engagementRate', 'Engagement', (i) => i.engagementRate, { width: 115 }),
      col.number('relevance', 'Relevance', (i) => i.relevance, { width: 105 }),
      col.list('topics', 'Topics', (i) => i.topics, { width: 200 }),
      col.date('lastContactDate', 'Last contact', (i) => i.lastContactDate),
      col.text('nextAction', 'Next action', (i) => i.nextAction, { width: 220 }),
      col.date('nextActionDate', 'Next action by', (i) => i.nextActionDate, { width: 130 }),
      col.list('handles', 'Platforms', (i) => Object.keys(i.handles), { hidden: true }),
      col.number('interactions', 'Interactions', (i) => i.interactions.length, { hidden: true }),
      col.datetime('updatedAt', 'Last changed', (i) => i.updatedAt, { hidden: true })
    ],
    [members.map]
  )
  return (
    <div className="screen">
      <ScreenHeader
        title="Influencers"
        description="Analysts, creators and practitioners the team builds relationships with, who owns each relationship, and what happens next."
      />
      <div className="screen-body">
        <RecordTable kind="influencer" tableId="influencers" columns={columns} fields={fields} refOptions={{ member: members.options }} initialSort={[{ id: 'name', desc: false }]} />
      </div>
    </div>
  )
}
