import { useMemo } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { StatusBadge } from '../records/StatusBadge'
import { useNames } from '../records/useNames'

type Conversation = KindRecord<'conversation'>

const fields: readonly FieldSpec[] = [
  { name: 'occurredAt', label: 'When', input: 'datetime' },
  { name: 'channelId', label: 'Source channel', input: 'ref', refKind: 'channel' },
  { name: 'author', label: 'Author', input: 'text' },
  { name: 'influencerId', label: 'Author is the influencer', input: 'ref', refKind: 'influencer' },
  { name: 'summary', label: 'Summary', input: 'textarea' },
  { name: 'type', label: 'Type', input: 'select', options: enums.conversationType.options },
  { name: 'sentiment', label: 'Sentiment', input: 'select', options: enums.sentiment.options },
  { name: 'url', label: 'Link', input: 'text' },
  { name: 'topic', label: 'Topic', input: 'text' },
  { name: 'priority', label: 'Priority', input: 'select', options: enums.priority.options },
  { name: 'state', label: 'State', input: 'select', options: enums.conversationState.options },
  { name: 'assigneeId', label: 'Assigned to', input: 'ref', refKind: 'expert' },
  { name: 'assignedAt', label: 'Assigned at', input: 'datetime' },
  { name: 'resolvedAt', label: 'Resolved at', input: 'datetime' },
  { name: 'resolution', label: 'Resolution', input: 'textarea' },
  { name: 'tags', label: 'Tags', input: 'tags', wide: true }
]

export function ConversationsScreen() {
  const experts = useNames('expert')
  const channels = useNames('channel')
  const influencers = useNames('influencer')
  const columns = useMemo<DataColumn<Conversation>[]>(
    () => [
      col.datetime('occurredAt', 'When', (c) => c.occurredAt, { width: 190 }),
      col.enum('type', 'Type', (c) => c.type, enums.conversationType.options, { width: 155, render: (c) => <StatusBadge value={c.type} /> }),
      col.enum('state', 'State', (c) => c.state, enums.conversationState.options, { width: 105, render: (c) => <StatusBadge value={c.state} /> }),
      col.text('author', 'Author', (c) => c.author, { width: 160 }),
      col.text('summary', 'Summary', (c) => c.summary, { width: 320 }),
      col.enum('sentiment', 'Sentiment', (c) => c.sentiment, enums.sentiment.options, { width: 105 }),
      col.ref('channel', 'Channel', (c) => c.channelId, channels.map),
      col.ref('assignee', 'Assigned to', (c) => c.assigneeId, experts.map, { width: 150 }),
      col.ref('influencer', 'Influencer', (c) => c.influencerId, influencers.map, { hidden: true }),
      col.text('resolution', 'Resolution', (c) => c.resolution, { hidden: true, width: 260 }),
      col.datetime('resolvedAt', 'Resolved at', (c) => c.resolvedAt, { hidden: true }),
      col.list('tags', 'Tags', (c) => c.tags, { hidden: true })
    ],
    [experts.map, channels.map, influencers.map]
  )
  return (
    <div className="screen">
      <ScreenHeader
        title="Conversations"
        description="Inbound praise, complaints, questions, product feedback and leads, and who they were routed to. Results here are measured as identified → routed → resolved."
      />
      <div className="screen-body">
        <RecordTable
          kind="conversation"
          tableId="conversations"
          columns={columns}
          fields={fields}
          refOptions={{ expert: experts.options, channel: channels.options, influencer: influencers.options }}
          initialSort={[{ id: 'occurredAt', desc: true }]}
        />
      </div>
    </div>
  )
}
