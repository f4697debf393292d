import { useEffect } from 'react'
import { api } from '../../api/client'
import { useQuery } from '../../api/useQuery'

/** Sync status, refreshed on every data change and whenever a round starts or ends. */
export function useSyncStatus() {
  const status = useQuery('sync-status', {})
  const { refetch } = status
  useEffect(() => api.subscribe('sync-changed', () => refetch()), [refetch])
  return status
}
