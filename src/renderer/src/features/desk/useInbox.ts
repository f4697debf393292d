import type { ApiInput, ApiOutput } from '../../../../core/api/contract'
import { api } from '../../api/client'
import { useLiveData, type LiveData } from '../../api/useLiveData'

export type InboxRow = ApiOutput<'inbox-list'>['items'][number]
export type InboxCounts = ApiOutput<'inbox-list'>['counts']
type Query = Omit<ApiInput<'inbox-list'>, 'offset' | 'limit'>

/** The backend pages the inbox by 500; the table holds up to this many rows and says so when there are more. */
export const inboxCap = 20_000
const page = 500

export type Inbox = { items: InboxRow[]; total: number; counts: InboxCounts; asOf: string }

/**
 * Every conversation matching the query, page after page, refreshed when conversations, experts or the
 * desk settings change (a change of hours moves every due time). The table sorts and filters the rows
 * in memory, as the other tables do.
 */
export function useInbox(query: Query): LiveData<Inbox> {
  return useLiveData(
    `inbox ${JSON.stringify(query)}`,
    async () => {
      const first = await api.call('inbox-list', { ...query, offset: 0, limit: page })
      const items = [...first.items]
      while (items.length < Math.min(first.total, inboxCap)) {
        const next = await api.call('inbox-list', { ...query, offset: items.length, limit: page, now: first.asOf })
        if (next.items.length === 0) break
        items.push(...next.items)
      }
      return { items, total: first.total, counts: first.counts, asOf: first.asOf }
    },
    ['conversation', 'expert', 'deskPolicy', 'handoff']
  )
}
