import type { ApiOutput } from '../../../../core/api/contract'
import { useState, type ReactNode } from 'react'
import { labelOf } from '../../../../core/domain/enums'
import { format } from '../../components/format'
import { Standing } from '../desk/Standing'
import { useQuery } from '../../api/useQuery'
import { requestOpen } from '../../drafts/useOpenRequest'
import { ScreenHeader } from '../records/ScreenHeader'
import { mineItemLine } from './mineItemLine'
import { influencerActionLine } from './influencerActionLine'

type Mine = ApiOutput<'mine-get'>
type Row = {
  id: string
  primary: string
  secondary: string
  href: string
  /** The record the row stands for, opened on its screen (a task opens its content item). */
  opens?: { kind: string; id: string }
  /** Overdue / due soon, in words and a symbol (conversations). */
  mark?: ReactNode
}

/** The screen that shows each kind a comment can be on (as the notification bell opens them). */
const SCREEN_OF: Record<string, string> = { content: 'calendar', campaign: 'campaigns', conversation: 'conversations', influencer: 'influencers' }

const itemRow = (i: Mine['overdue'][number], lateFrom?: string): Row => ({
  id: i.id,
  primary: i.title,
  secondary: mineItemLine(i, lateFrom),
  href: `#/calendar?item=${i.id}`
})

/** The sections in the order a person works through them: late first, then this week, then what waits on me. */
const SECTIONS: { key: keyof Pick<Mine, 'overdue' | 'dueThisWeek' | 'approvals' | 'tasks' | 'conversations' | 'influencers' | 'mentions'>; title: string; empty: string; rows: (m: Mine) => Row[] }[] = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing of yours is late.', rows: (m) => m.overdue.map((i) => itemRow(i)) },
  { key: 'dueThisWeek', title: 'Due this week', empty: 'Nothing of yours is due this week.', rows: (m) => m.dueThisWeek.map((i) => itemRow(i)) },
  { key: 'approvals', title: 'Approvals waiting on me', empty: 'No item waits for your approval.', rows: (m) => m.approvals.map((i) => itemRow(i, m.today)) },
  { key: 'tasks', title: 'My tasks', empty: 'No tasks.', rows: (m) => m.tasks.map((t) => ({ id: t.id, primary: t.title, secondary: `${t.contentTitle}${t.due ? ` · due ${format.date(t.due)}` : ''}${t.overdue ? ' · overdue' : ''}`, href: `#/calendar?item=${t.contentId}` })) },
  {
    key: 'conversations',
    title: 'Conversations assigned to me',
    empty: 'No open conversation is assigned to you.',
    rows: (m) =>
      m.conversations.map((c) => ({
        id: c.id,
        primary: c.summary,
        secondary: `${labelOf(c.type)} from ${c.author} · ${labelOf(c.state)}${c.nextDueAt === null ? '' : ` · due ${format.datetime(c.nextDueAt)}`}${c.escalationLevel > 0 ? ` · escalation level ${c.escalationLevel}` : ''}`,
        href: `#/conversations?id=${c.id}`,
        mark: <Standing row={c} />
      }))
  },
  {
    key: 'influencers',
    title: 'Influencer next actions',
    empty: 'No next action with an influencer is yours.',
    rows: (m) =>
      m.influencers.map((r) => ({
        id: r.id,
        primary: `${r.name}: ${r.nextAction || 'next step'}`,
        secondary: influencerActionLine(r, m.today),
        href: '#/influencers',
        opens: { kind: 'influencer', id: r.id }
      }))
  },
  {
    key: 'mentions',
    title: 'Mentions',
    empty: 'Nobody mentioned you.',
    rows: (m) =>
      m.mentions.map((x) => ({
        id: x.id,
        primary: x.body,
        secondary: format.datetime(x.createdAt),
        href: x.targetKind === 'content' ? `#/calendar?item=${x.targetId}` : x.targetKind === 'conversation' ? `#/conversations?id=${x.targetId}` : `#/${SCREEN_OF[x.targetKind] ?? 'calendar'}`,
        opens: x.targetKind === 'campaign' || x.targetKind === 'influencer' ? { kind: x.targetKind, id: x.targetId } : undefined
      }))
  }
]

/** My work (issue #14): the home screen for "me" — what I owe, what is late, what waits on me. */
export function MyWorkScreen() {
  // Asked only once someone is "me" on this computer (as the nav's count is): before that the server
  // can only refuse, and the first-start "Who are you?" dialog is already asking.
  const me = useQuery('me-get', {})
  const nobody = me.data !== undefined && me.data.me === null
  const mine = useQuery('mine-get', {}, { dependsOn: ['*'], enabled: me.data?.me != null })
  const m = mine.data
  return (
    <div className="screen">
      <ScreenHeader title="My work" description={m ? `${m.me.name} (${labelOf(m.me.access)}) · week ending ${format.date(m.weekEnd)}` : 'What you owe this week, what is late and what waits on you.'} />
      <div className="screen-body my-work" data-testid="my-work">
        {nobody && (
          <p className="muted" data-testid="my-work-nobody">
            My work is the work of “me”. Choose who you are on this computer, and your week shows here.
          </p>
        )}
        {mine.error && <p className="form-error" role="alert">{mine.error.message}</p>}
        {m && SECTIONS.map((s) => <MyWorkSection key={s.key} section={s} rows={s.rows(m)} />)}
      </div>
    </div>
  )
}

/** Past this many rows a section shows the first ones and a button for the rest, so one long list does not bury the others. */
const FIRST_ROWS = 8

function MyWorkSection({ section: s, rows }: { section: (typeof SECTIONS)[number]; rows: Row[] }) {
  const [all, setAll] = useState(false)
  const shown = all ? rows : rows.slice(0, FIRST_ROWS)
  return (
    <section className="card my-work-section" aria-labelledby={`mine-${s.key}`} data-testid={`mine-${s.key}`}>
      <h2 id={`mine-${s.key}`}>
        {s.title} <span className="subtle">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="subtle">{s.empty}</p>
      ) : (
        <ul>
          {shown.map((r) => (
            <li key={r.id}>
              {r.mark !== undefined && <>{r.mark} </>}
              <a href={r.href} onClick={r.opens === undefined ? undefined : () => r.opens && requestOpen(r.opens.kind, r.opens.id)}>
                {r.primary}
              </a>{' '}
              <span className="subtle small">{r.secondary}</span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > FIRST_ROWS && (
        <button type="button" className="btn btn-ghost my-work-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  )
}
