import { useCallback } from 'react'
import { recordKinds, type KindName } from '../../../../core/domain/recordKinds'
import { writeRefusal, type WriteAct } from '../../../../core/people/kindAccess'
import { useQuery } from '../../api/useQuery'

/**
 * Why "me" may not create, change or delete a record of `kind` — the backend's own sentence ("Changing
 * campaigns needs the editor, approver or owner role; you are Leo Martins (contributor).") — or null.
 * Forms show such a record as view-only instead of offering a Save the backend would refuse. While
 * "me" is still loading nothing is refused here; the backend checks every write regardless.
 */
export function useWriteRefusal(kind: KindName): (act: WriteAct, record?: Record<string, unknown>) => string | null {
  const me = useQuery('me-get', {})
  const state = me.data
  return useCallback(
    (act: WriteAct, record?: Record<string, unknown>) => (state === undefined ? null : writeRefusal(kind, act, state.me, state.enforced, recordKinds[kind].plural.toLowerCase(), record)),
    [kind, state]
  )
}
