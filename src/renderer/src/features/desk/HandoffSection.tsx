import { useMemo, useState } from 'react'
import { deskLabel } from '../../../../core/listening/deskLabel'
import { api } from '../../api/client'
import type { ApiError } from '../../api/ApiError'
import { useRecords } from '../../api/useRecords'
import { format } from '../../components/format'
import { DeskField, generalError, issueAt } from './DeskField'
import type { InboxRow } from './useInbox'

/**
 * A lead becomes a hand-off to sales: the contact a CRM import needs, kept with the conversation's link
 * (the CRM export adds the tracking parameters). Existing hand-offs are listed with what they became.
 */
export function HandoffSection({ c }: { c: InboxRow }) {
  const where = useMemo(() => [{ field: 'conversationId', op: 'eq' as const, value: c.id }], [c.id])
  const handoffs = useRecords('handoff', where)
  const [first, setFirst] = useState('')
  const [last, setLast] = useState(c.author.split(' ').slice(1).join(' '))
  const [company, setCompany] = useState('')
  const [email, setEmail] = useState('')
  const [error, setError] = useState<ApiError | undefined>(undefined)
  const [pending, setPending] = useState(false)
  const list = handoffs.data?.items ?? []

  return (
    <section className="desk-section" aria-labelledby={`handoff-${c.id}`} data-testid="handoff-section">
      <h3 id={`handoff-${c.id}`}>Hand-off to sales</h3>
      {list.length > 0 && (
        <ul className="desk-log">
          {list.map((h) => (
            <li key={h.id}>
              {[h.firstName, h.lastName].filter((x) => x !== '').join(' ')}, {h.company} — <b>{deskLabel(h.outcome)}</b> · handed {format.date(h.handedAt.slice(0, 10))}
            </li>
          ))}
        </ul>
      )}
      <form
        className="desk-form"
        onSubmit={(e) => {
          e.preventDefault()
          setPending(true)
          setError(undefined)
          api
            .records('handoff')
            .create({ conversationId: c.id, firstName: first, lastName: last, company, email, handedAt: new Date().toISOString() })
            .then(
              () => {
                setFirst('')
                setCompany('')
                setEmail('')
              },
              (err: ApiError) => setError(err)
            )
            .finally(() => setPending(false))
        }}
      >
        <div className="desk-grid-2">
          <DeskField label="First name" error={issueAt(error, 'firstName')}>
            {(a) => <input {...a} className="input" value={first} onChange={(e) => setFirst(e.target.value)} />}
          </DeskField>
          <DeskField label="Last name" error={issueAt(error, 'lastName')}>
            {(a) => <input {...a} className="input" value={last} onChange={(e) => setLast(e.target.value)} data-testid="handoff-last" />}
          </DeskField>
          <DeskField label="Company" error={issueAt(error, 'company')}>
            {(a) => <input {...a} className="input" value={company} onChange={(e) => setCompany(e.target.value)} data-testid="handoff-company" />}
          </DeskField>
          <DeskField label="Email" error={issueAt(error, 'email')}>
            {(a) => <input {...a} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </DeskField>
        </div>
        <div className="row">
          <button type="submit" className="btn" disabled={pending} data-testid="handoff-create">
            Hand off to sales
          </button>
          {generalError(error, ['firstName', 'lastName', 'company', 'email']) !== undefined && <span className="field-error" role="alert">{error?.message}</span>}
        </div>
      </form>
    </section>
  )
}
