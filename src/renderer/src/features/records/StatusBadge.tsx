import { format } from '../../components/format'

// Tones for values a person scans for: what is live, what needs attention, what is done.
const tones: Record<string, string> = {
  active: 'ok', advocate: 'ok', collaborating: 'ok', resolved: 'ok', positive: 'ok', published: 'ok',
  proposed: 'accent', engaged: 'accent', routed: 'accent', lead: 'accent',
  paused: 'warn', new: 'warn', complaint: 'danger', negative: 'danger', retired: ''
}

export function StatusBadge({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return null
  const tone = tones[value]
  return <span className={`badge${tone === undefined || tone === '' ? '' : ` badge-${tone}`}`}>{format.enumLabel(value)}</span>
}
