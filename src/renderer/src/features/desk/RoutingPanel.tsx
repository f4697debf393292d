import { useMemo, useState } from 'react'
import { enums } from '../../../../core/domain/enums'
import { deskLabel } from '../../../../core/listening/deskLabel'
import type { KindRecord } from '../../api/client'
import { useMutation } from '../../api/useMutation'
import { col, type DataColumn } from '../../components/dataColumns'
import type { FieldSpec } from '../../components/fieldSpec'
import { RecordTable } from '../records/RecordTable'
import { useNames } from '../records/useNames'
import { DeskChoice } from './DeskChoice'
import { DeskField, issueAt } from './DeskField'
import { LadderEditor } from './LadderEditor'

type Rule = KindRecord<'routingRule'>

const fields: readonly FieldSpec[] = [
  { name: 'position', label: 'Rule number', input: 'number', min: 1, step: 1, help: 'Rules are tried in this order; the first that matches proposes.' },
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'assigneeId', label: 'Propose', input: 'ref', refKind: 'expert' },
  { name: 'priority', label: 'Set priority', input: 'select', options: enums.priority.options },
  { name: 'types', label: 'Types', input: 'choices', options: enums.conversationType.options, wide: true, help: 'None ticked: any type.' },
  { name: 'sentiments', label: 'Sentiments', input: 'choices', options: enums.sentiment.options, help: 'None ticked: any.' },
  { name: 'topics', label: 'Topics', input: 'tags' },
  { name: 'keywords', label: 'Words in the summary', input: 'tags' },
  { name: 'authors', label: 'Authors', input: 'tags' },
  { name: 'channelIds', label: 'Our channels', input: 'refChoices', refKind: 'channel', wide: true, help: 'None ticked: any channel.' },
  { name: 'networks', label: 'Networks', input: 'tags', help: 'Where it was said when not on our channels: LinkedIn, Reddit…' },
  { name: 'active', label: 'In use', input: 'checkbox' }
]

/** "complaint + topic billing + negative": a rule's conditions in words, as its proposal's reason says them. */
function conditions(r: Rule, channel: ReadonlyMap<string, string>): string {
  const parts = [
    r.types.map(deskLabel).join(' or '),
    r.topics.length === 0 ? '' : `topic ${r.topics.join(' or ')}`,
    r.sentiments.map(deskLabel).join(' or '),
    r.keywords.length === 0 ? '' : `mentions ${r.keywords.map((k) => `“${k}”`).join(' or ')}`,
    r.authors.length === 0 ? '' : `from ${r.authors.join(' or ')}`,
    r.channelIds.length === 0 ? '' : `on ${r.channelIds.map((id) => channel.get(id) ?? 'a deleted channel').join(' or ')}`,
    r.networks.length === 0 ? '' : `on ${r.networks.join(' or ')}`
  ].filter((p) => p !== '')
  return parts.length === 0 ? 'Anything' : parts.join(' + ')
}

/** Routing rules (first match proposes an expert), a place to try them, and the escalation ladders. */
export function RoutingPanel() {
  const experts = useNames('expert')
  const channels = useNames('channel')
  const columns = useMemo<DataColumn<Rule>[]>(
    () => [
      col.number('position', 'Rule', (r) => r.position, { width: 70 }),
      col.text('name', 'Name', (r) => r.name, { width: 200 }),
      col.text('conditions', 'When', (r) => conditions(r, channels.map), { width: 320 }),
      col.ref('assignee', 'Proposes', (r) => r.assigneeId, experts.map, { width: 160 }),
      col.enum('priority', 'Sets priority', (r) => r.priority, enums.priority.options, { width: 120 }),
      col.bool('active', 'In use', (r) => r.active, { width: 80 })
    ],
    [experts.map, channels.map]
  )
  return (
    <div className="desk-stack">
      <section aria-labelledby="rules-title" className="desk-rules">
        <h2 id="rules-title">Routing rules</h2>
        <RecordTable kind="routingRule" tableId="routing-rules" columns={columns} fields={fields} refOptions={{ expert: experts.options, channel: channels.options }} initialSort={[{ id: 'position', desc: false }]} />
      </section>
      <TryRules channels={channels.options} />
      <LadderEditor />
    </div>
  )
}

/** Try the rules on a made-up conversation, to see which rule would propose whom, and why. */
function TryRules({ channels }: { channels: readonly { id: string; name: string }[] }) {
  const tryIt = useMutation('routing-try')
  const [channelId, setChannelId] = useState('')
  const [type, setType] = useState<(typeof enums.conversationType.options)[number]>('complaint')
  const [topic, setTopic] = useState('')
  const [summary, setSummary] = useState('')
  const [answer, setAnswer] = useState<string | undefined>(undefined)
  return (
    <section className="card desk-try" aria-labelledby="try-title">
      <h2 id="try-title">Try the rules</h2>
      <form
        className="desk-form"
        onSubmit={(e) => {
          e.preventDefault()
          void tryIt.mutate({ type, ...(topic === '' ? {} : { topic }), ...(summary === '' ? {} : { summary }), ...(channelId === '' ? {} : { channelId }) }).then(
            (r) => setAnswer(r.proposal === null ? 'No rule matches: it would wait in triage for a person to choose.' : `${r.proposal.assigneeName} — ${r.proposal.reason}`),
            () => setAnswer(undefined)
          )
        }}
      >
        <div className="row">
          <DeskChoice label="Type" error={issueAt(tryIt.error, 'type')} value={type} options={enums.conversationType.options} onChange={setType} />
          <DeskField label="Topic" error={issueAt(tryIt.error, 'topic')}>
            {(a) => <input {...a} className="input" value={topic} onChange={(e) => setTopic(e.target.value)} />}
          </DeskField>
          <DeskField label="What was said" error={issueAt(tryIt.error, 'summary')}>
            {(a) => <input {...a} className="input" value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </DeskField>
          <DeskField label="Channel" error={issueAt(tryIt.error, 'channelId')}>
            {(a) => (
              <select {...a} className="select" value={channelId} onChange={(e) => setChannelId(e.target.value)} data-testid="try-channel">
                <option value="">Not one of ours</option>
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </DeskField>
          <button type="submit" className="btn" disabled={tryIt.pending}>
            Which rule?
          </button>
        </div>
        {answer !== undefined && (
          <p role="status" data-testid="try-answer">
            {answer}
          </p>
        )}
      </form>
    </section>
  )
}
