import { useSyncExternalStore } from 'react'
import { connection } from '../api/connection'

/** Says plainly when the app cannot talk to its backend, and what to do about it. */
export function ConnectionBanner() {
  const state = useSyncExternalStore(connection.subscribe, connection.get)
  if (state === 'ok') return null
  if (state === 'unauthorized')
    return (
      <div className="banner banner-danger" role="alert" data-testid="banner-unauthorized">
        <strong>Access token rejected.</strong>
        <span>
          This page's token is no longer valid (the browser host makes a new one at each start). Open the address that{' '}
          <code>smo serve</code> printed.
        </span>
      </div>
    )
  return (
    <div className="banner banner-warn" role="alert" data-testid="banner-unreachable">
      <strong>Backend unreachable.</strong>
      <span>
        SMO Desk cannot reach its backend; changes cannot be saved. Is <code>smo serve</code> still running? Retrying…
      </span>
    </div>
  )
}
