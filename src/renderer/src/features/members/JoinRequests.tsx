import { useState } from 'react'
import type { JoinRequest } from '../../../../core/api/methods/syncMethods'
import { enums } from '../../../../core/domain/enums'
import type { AccessRole } from '../../../../core/sync/access/memberRoles'
import { api } from '../../api/client'
import { ApiError } from '../../api/ApiError'
import { useQuery } from '../../api/useQuery'
import './JoinRequests.css'

const ROLE_LABEL: Record<AccessRole, string> = { owner: 'Owner', approver: 'Approver', editor: 'Editor', contributor: 'Contributor', viewer: 'Viewer' }

/**
 * Computers asking to join a signed team (issue #14): an owner compares the key fingerprint with the
 * one the requester's screen shows, picks the role to give, and admits. The backend refuses anyone
 * who is not an owner with the role it needs; that sentence is shown here.
 */
export function JoinRequests() {
  const requests = useQuery('sync-join-requests', {}, { dependsOn: ['*'] })
  const items = requests.data ?? []
  if (items.length === 0) return null
  return (
    <section className="card join-requests" aria-labelledby="join-requests-title" data-testid="join-requests">
      <h2 id="join-requests-title">Computers asking to join the team</h2>
      <p className="muted">
        This team signs every change. Before admitting a computer, check that the fingerprint matches the one shown on that person's screen (Settings → Team
        sync), then choose the role they get.
      </p>
      <ul className="join-request-list">
        {items.map((r) => (
          <JoinRequestRow key={r.key} request={r} />
        ))}
      </ul>
    </section>
  )
}

function JoinRequestRow({ request }: { request: JoinRequest }) {
  const [role, setRole] = useState<AccessRole>(request.role ?? 'contributor')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const admit = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.call('sync-admit', { key: request.key, role })
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  const roleId = `join-role-${request.key}`
  return (
    <li className="join-request" data-testid="join-request">
      <div>
        <strong>{request.name}</strong>’s computer asks to join
        <div className="small">
          Key fingerprint <code data-testid="join-fingerprint">{request.fingerprint}</code>
        </div>
      </div>
      <label htmlFor={roleId}>Role to give</label>
      <select id={roleId} value={role} onChange={(e) => setRole(enums.access.parse(e.target.value))}>
        {enums.access.options.map((o) => (
          <option key={o} value={o}>
            {ROLE_LABEL[o]}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void admit()} data-testid="join-admit">
        Admit
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
