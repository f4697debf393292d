import { useMemo, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import type { KindRecord } from '../../api/client'
import { useQuery } from '../../api/useQuery'
import { useCurrency } from '../../api/useCurrency'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { ScreenHeader } from '../records/ScreenHeader'
import { StatusBadge } from '../records/StatusBadge'
import { useNames } from '../records/useNames'
import { ChannelPage } from './ChannelPage'

type Channel = KindRecord<'channel'>

export const channelFields: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'platform', label: 'Platform', input: 'select', options: enums.platform.options },
  { name: 'handle', label: 'Handle or URL', input: 'text' },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member' },
  { name: 'status', label: 'Status', input: 'select', options: enums.channelStatus.options },
  { name: 'audienceSize', label: 'Audience size', input: 'number' },
  { name: 'cadencePerWeek', label: 'Cadence target (posts per week)', input: 'number' },
  { name: 'hoursPerPost', label: 'Effort per post (hours)', input: 'number' },
  { name: 'fixedHoursPerMonth', label: 'Fixed hours per month', input: 'number', help: 'Moderation, reporting, upkeep' },
  { name: 'costPerMonth', label: 'Cost per month', input: 'number', help: 'Tools, ads, fees' },
  { name: 'confidence', label: 'Confidence in the estimates', input: 'number', help: 'From 0.1 (a guess) to 1 (measured)' },
  {
    name: 'goalLinks',
    label: 'Goals it serves',
    input: 'links',
    refKind: 'goal',
    idKey: 'goalId',
    valueKey: 'rate',
    valueLabel: 'Units per 1,000 reached',
    wide: true,
    help: 'For each goal: the KPI units you expect per 1,000 people reached (e.g. 0.8 demo requests); for a rate goal, the channel’s own rate in % (e.g. 4.5 for its engagement rate). Priorities starts from these and learns from published results.'
  },
  { name: 'estimatesUpdatedAt', label: 'Estimates last reviewed', input: 'date' },
  { name: 'organicReachShare', label: 'Organic reach per post (share of audience)', input: 'number', help: 'From 0.01 to 1; empty = the platform’s typical share (e.g. 0.07 for a LinkedIn page)' },
  { name: 'reachNote', label: 'Where that share comes from', input: 'text', help: 'e.g. "LinkedIn analytics, last 90 days"' },
  { name: 'trialHoursPerWeek', label: 'Trial hours per week (proposed channel)', input: 'number', help: 'Empty = 2 h/week' },
  { name: 'notes', label: 'Notes', input: 'textarea' }
]

export function ChannelsScreen() {
  const members = useNames('member')
  const currency = useCurrency()
  const goals = useNames('goal')
  // Same platform + handle as another channel (scoring flags these too); the page shows the history.
  const duplicates = useQuery('channel-duplicates', {})
  const dup = useMemo(() => new Set((duplicates.data?.items ?? []).map((d) => d.channelId)), [duplicates.data])
  const [active, setActive] = useState<Channel | undefined>(undefined)
  const [page, setPage] = useState<string | undefined>(undefined)
  const columns = useMemo<DataColumn<Channel>[]>(
    () => [
      col.text('name', 'Name', (c) => c.name, {
        width: 220,
        // The badge goes first so a long name's ellipsis never hides it.
        render: (c) => (
          <>
            {dup.has(c.id) && (
              <span className="badge badge-danger" title="Same platform and handle as another channel" data-testid="duplicate-badge" style={{ marginRight: 6 }}>
                Duplicate
              </span>
            )}
            {c.name}
          </>
        )
      }),
      col.enum('platform', 'Platform', (c) => c.platform, enums.platform.options),
      col.enum('status', 'Status', (c) => c.status, enums.channelStatus.options, { width: 110, render: (c) => <StatusBadge value={c.status} /> }),
      col.ref('owner', 'Owner', (c) => c.ownerId, members.map),
      col.number('audienceSize', 'Audience', (c) => c.audienceSize),
      col.number('cadencePerWeek', 'Posts / week', (c) => c.cadencePerWeek),
      col.number('hoursPerPost', 'Hours / post', (c) => c.hoursPerPost),
      col.number('fixedHoursPerMonth', 'Fixed h / month', (c) => c.fixedHoursPerMonth, { hidden: true, width: 130 }),
      col.money('costPerMonth', 'Cost / month', (c) => c.costPerMonth, currency, { width: 120 }),
      col.number('confidence', 'Confidence', (c) => c.confidence, { digits: 2 }),
      col.number('goalLinks', 'Linked goals', (c) => c.goalLinks.length, { hidden: true }),
      col.text('handle', 'Handle or URL', (c) => c.handle, { hidden: true, width: 240 }),
      col.date('estimatesUpdatedAt', 'Estimates reviewed', (c) => c.estimatesUpdatedAt, { hidden: true, width: 150 }),
      col.datetime('updatedAt', 'Last changed', (c) => c.updatedAt, { hidden: true })
    ],
    [members.map, dup, currency]
  )
  return (
    <div className="screen">
      <ScreenHeader
        title="Channels"
        description="Every place the team publishes or listens, with the effort, cost and cadence each one takes. Enter opens a channel; Delete removes it after asking."
        actions={
          <button type="button" className="btn" disabled={active === undefined} onClick={() => setPage(active?.id)} data-testid="open-channel-page">
            Channel page
          </button>
        }
      />
      <div className="screen-body">
        <RecordTable kind="channel" tableId="channels" columns={columns} fields={channelFields} refOptions={{ member: members.options, goal: goals.options }} initialSort={[{ id: 'name', desc: false }]} onActiveChange={setActive} />
      </div>
      {page !== undefined && <ChannelPage channelId={page} onClose={() => setPage(undefined)} />}
    </div>
  )
}
