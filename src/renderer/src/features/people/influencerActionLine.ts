import { labelOf } from '../../../../core/domain/enums'
import { format } from '../../components/format'

type Action = { stage: string; nextActionDate: string | null }

/**
 * The line under an influencer's next action in My work: "Engaged · by Nov 16, 2026 · overdue" — a
 * date already past said so, as a late task or approval does (it read like one still ahead).
 */
export function influencerActionLine(r: Action, today: string): string {
  if (r.nextActionDate === null) return labelOf(r.stage)
  return `${labelOf(r.stage)} · by ${format.date(r.nextActionDate)}${r.nextActionDate < today ? ' · overdue' : ''}`
}
