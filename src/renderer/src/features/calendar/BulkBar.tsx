import { labelOf, vocabularies } from '../../../../core/domain/vocabularies'
import { api } from '../../api/client'
import type { RefOption } from '../../components/fieldSpec'

type Props = {
  ids: string[]
  members: readonly RefOption[]
  channels: readonly RefOption[]
  onBulk: (ids: string[], set: Record<string, unknown>, label: string) => Promise<boolean>
  onShift: (days: number) => void
  onClear: () => void
  onError: (e: unknown) => void
}

/** Quick edits for the selected items: status, owner, channel, move, delete. Each is one undo step. */
export function BulkBar({ ids, members, channels, onBulk, onShift, onClear, onError }: Props) {
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected items" data-testid="bulk-bar">
      <strong>{ids.length} selected</strong>
      <select className="select select-sm" aria-label="Set status" value="" onChange={(e) => e.target.value && void onBulk(ids, { status: e.target.value }, `set status to ${labelOf(e.target.value)}`)}>
        <option value="">Status…</option>
        {vocabularies.contentStatus.map((s) => <option key={s} value={s}>{labelOf(s)}</option>)}
      </select>
      <select className="select select-sm" aria-label="Set owner" value="" onChange={(e) => e.target.value && void onBulk(ids, { ownerId: e.target.value }, 'reassign')}>
        <option value="">Owner…</option>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <select className="select select-sm" aria-label="Set channel" value="" onChange={(e) => e.target.value && void onBulk(ids, { channelId: e.target.value }, 'change channel')}>
        <option value="">Channel…</option>
        {channels.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <button type="button" className="btn btn-sm" onClick={() => onShift(-1)} title="Move a day earlier (Alt+←)">◀ 1 day</button>
      <button type="button" className="btn btn-sm" onClick={() => onShift(1)} title="Move a day later (Alt+→)">1 day ▶</button>
      <button type="button" className="btn btn-sm btn-danger" onClick={() => void api.call('calendar-delete', { ids }).then(onClear, onError)}>Delete</button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={onClear}>Clear selection</button>
    </div>
  )
}
