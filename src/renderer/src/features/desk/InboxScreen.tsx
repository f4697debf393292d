import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import { deskLabel } from '../../../../core/listening/deskLabel'
import { col, type DataColumn } from '../../components/dataColumns'
import { DataTable } from '../../components/DataTable'
import { useOpenRequest } from '../../drafts/useOpenRequest'
import { ScreenHeader } from '../records/ScreenHeader'
import { StatusBadge } from '../records/StatusBadge'
import { useNames } from '../records/useNames'
import { DueCell, Standing, standingRank } from './Standing'
import { InboxDetail } from './InboxDetail'
import { Tabs, type Tab } from './Tabs'
import { inboxCap, useInbox, type InboxRow } from './useInbox'
import './desk.css'

// The import wizard loads when it is opened, not with the inbox.
const ImportWizard = lazy(() => import('../transfer/ImportWizard').then((m) => ({ default: m.ImportWizard })))

type StateTab = 'open' | 'new' | 'triaged' | 'assigned' | 'waiting' | 'resolved'
const OPEN = ['new', 'triaged', 'assigned', 'waiting'] as const

/** Opened from a link (My work, a notification): `#/conversations?id=…`. */
function idFromHash(): string | undefined {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('id') ?? undefined
}

/**
 * The Inbox (issue #16): conversations by state with counts, their two clocks (overdue and about to
 * breach marked in words and a symbol, not colour alone), and the detail panel where a conversation is
 * triaged, routed, answered, escalated and resolved.
 */
export function InboxScreen() {
  const [tab, setTab] = useState<StateTab>('open')
  const [overdue, setOverdue] = useState(false)
  const [soon, setSoon] = useState(false)
  const [mine, setMine] = useState(false)
  const [importing, setImporting] = useState(false)
  const [selected, setSelected] = useState<string | undefined>(idFromHash)
  const detail = useRef<HTMLElement>(null)
  const query = useMemo(
    () => ({
      state: tab === 'open' ? [...OPEN] : tab,
      ...(overdue ? { overdue: true } : {}),
      ...(soon ? { aboutToBreach: true } : {}),
      ...(mine ? { mine: true } : {}),
      sort: 'due' as const
    }),
    [tab, overdue, soon, mine]
  )
  const inbox = useInbox(query)
  // A notification or the drafts banner asks for a conversation; a My work link changes the address.
  useOpenRequest('conversation', true, (id) => {
    if (id !== null) setSelected(id)
    return id !== null
  })
  useEffect(() => {
    const onHash = (): void => {
      const id = idFromHash()
      if (id !== undefined) setSelected(id)
    }
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])
  const channels = useNames('channel')
  const counts = inbox.data?.counts
  const byState = counts?.byState
  const openCount = byState === undefined ? undefined : OPEN.reduce((s, k) => s + (byState[k] ?? 0), 0)
  const tabs: Tab<StateTab>[] = [
    { id: 'open', label: 'Open', ...(openCount === undefined ? {} : { count: { n: openCount, label: `${openCount} open conversations` } }) },
    ...enums.conversationState.options.map((s) => ({
      id: s,
      label: deskLabel(s),
      ...(byState === undefined ? {} : { count: { n: byState[s] ?? 0, label: `${byState[s] ?? 0} ${deskLabel(s).toLowerCase()}` } })
    }))
  ]

  const columns = useMemo<DataColumn<InboxRow>[]>(
    () => [
      { id: 'standing', header: 'Clock', kind: 'number', value: standingRank, text: (r) => (r.breached ? 'Overdue' : r.aboutToBreach ? 'Due soon' : r.state === 'waiting' ? 'Paused' : ''), render: (r) => <Standing row={r} />, width: 120 },
      col.text('summary', 'Conversation', (r) => r.summary, { width: 300 }),
      col.enum('state', 'State', (r) => r.state, enums.conversationState.options, { width: 105, render: (r) => <StatusBadge value={r.state} /> }),
      col.enum('type', 'Type', (r) => r.type, enums.conversationType.options, { width: 130, render: (r) => <StatusBadge value={r.type} /> }),
      col.enum('priority', 'Priority', (r) => r.priority, enums.priority.options, { width: 100 }),
      col.enum('sentiment', 'Sentiment', (r) => r.sentiment, enums.sentiment.options, { width: 105 }),
      col.text('topic', 'Topic', (r) => r.topic, { width: 120 }),
      col.text('author', 'Author', (r) => r.author, { width: 160, render: (r) => <span>{r.author}{r.influencerId !== null && <span className="subtle small"> · influencer</span>}</span> }),
      col.text('source', 'Source', (r) => (r.channelId !== null ? (channels.map.get(r.channelId) ?? '') : r.network), { width: 140 }),
      col.text('assignee', 'Assignee', (r) => r.assigneeName ?? '', { width: 150 }),
      { ...col.datetime('firstResponseDueAt', 'First response due', (r) => r.firstResponseDueAt), render: (r) => <DueCell at={r.firstResponseDueAt} breached={r.firstResponseBreached} done={r.firstResponseAt !== null} waitingSince={r.waitingSince} /> },
      { ...col.datetime('resolutionDueAt', 'Resolution due', (r) => r.resolutionDueAt), render: (r) => <DueCell at={r.resolutionDueAt} breached={r.resolutionBreached} done={r.resolvedAt !== null} waitingSince={r.waitingSince} /> },
      col.number('escalationLevel', 'Escalation', (r) => (r.escalationLevel === 0 ? undefined : r.escalationLevel), { width: 100, render: (r) => (r.escalationLevel === 0 ? '' : `Level ${r.escalationLevel}`) }),
      col.datetime('occurredAt', 'Came in', (r) => r.occurredAt, { width: 170 })
    ],
    [channels.map]
  )

  const rows = inbox.data?.items ?? noRows
  const toggle = (on: boolean, set: (v: boolean) => void, label: string, n: number | undefined, testId: string) => (
    <button type="button" className={`btn btn-sm${on ? ' btn-on' : ''}`} aria-pressed={on} onClick={() => set(!on)} data-testid={testId}>
      {label}
      {n !== undefined && ` (${n.toLocaleString()})`}
    </button>
  )
  return (
    <div className="screen desk-inbox">
      <ScreenHeader
        title="Inbox"
        description="Conversations from every channel and monitoring tool, with their first-response and resolution clocks in the desk's business hours."
        actions={
          // A monitoring tool's export (Brandwatch, Mention…): the wizard recognises the tool by its columns.
          <button type="button" className="btn" data-testid="import-csv" onClick={() => setImporting(true)}>
            Import CSV…
          </button>
        }
      />
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard kind="conversation" aliases={{}} onClose={() => setImporting(false)} />
        </Suspense>
      )}
      <Tabs label="Conversations by state" tabs={tabs} current={tab} onChange={setTab} testId="inbox-tabs">
        <div className="desk-inbox-layout">
          <div className="desk-inbox-list">
            <div className="desk-toolbar" role="group" aria-label="Show only">
              {toggle(overdue, setOverdue, 'Overdue', counts?.overdue, 'inbox-overdue')}
              {toggle(soon, setSoon, 'About to breach', counts?.aboutToBreach, 'inbox-soon')}
              {toggle(mine, setMine, 'Assigned to me', undefined, 'inbox-mine')}
              {inbox.data !== undefined && inbox.data.total > inboxCap && (
                <span className="subtle small" role="status">
                  Showing the first {inboxCap.toLocaleString()} of {inbox.data.total.toLocaleString()}; narrow the list with the filters.
                </span>
              )}
            </div>
            {inbox.error !== undefined && (
              <p className="form-error" role="alert">
                Could not load the inbox: {inbox.error.message}
              </p>
            )}
            <DataTable
              tableId="inbox"
              label="Inbox"
              noun={{ one: 'conversation', many: 'conversations' }}
              rows={rows}
              columns={columns}
              loading={inbox.loading && inbox.data === undefined}
              onActiveChange={(r) => {
                if (r !== undefined) setSelected(r.id)
              }}
              onOpen={(r) => {
                setSelected(r.id)
                requestAnimationFrame(() => detail.current?.focus())
              }}
              empty={<p className="muted">{tab === 'open' ? 'Nothing is waiting for an answer.' : `No ${deskLabel(tab).toLowerCase()} conversations.`}</p>}
            />
          </div>
          <aside className="desk-inbox-detail card" ref={detail} tabIndex={-1} aria-label="Conversation" data-testid="inbox-detail">
            {selected === undefined ? <p className="muted">Choose a conversation to see it here.</p> : <InboxDetail key={selected} id={selected} />}
          </aside>
        </div>
      </Tabs>
    </div>
  )
}

const noRows: InboxRow[] = []
