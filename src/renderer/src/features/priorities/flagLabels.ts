import type { ScoringFlag } from '../../../../core/scoring'

/** Flags in words; the ones a person should act on are warnings. */
export const FLAG_LABELS: Record<ScoringFlag, { label: string; tone: 'warn' | 'muted' | 'danger'; help: string }> = {
  'needs-estimate': { label: 'Needs estimate', tone: 'danger', help: 'No audience, or no rate for a goal with a target: ranked last until estimated' },
  'no-cadence': { label: 'No cadence', tone: 'muted', help: 'Cadence target is 0 posts a week' },
  'zero-effort': { label: 'No effort entered', tone: 'warn', help: 'Counted as 1 hour so the score stays comparable' },
  'zero-target-goal': { label: 'Goal without target', tone: 'warn', help: 'A linked goal has no target and is skipped' },
  'unknown-goal': { label: 'Old goal link', tone: 'warn', help: 'Linked to a goal outside this quarter; re-link it to count' },
  'stale-estimate': { label: 'Stale estimate', tone: 'warn', help: 'Not reviewed for 90 days: its confidence is reduced' },
  'undated-estimate': { label: 'Undated estimate', tone: 'warn', help: 'No review date: counted at half confidence' },
  retired: { label: 'Retired', tone: 'muted', help: 'Kept for history' },
  paused: { label: 'Paused', tone: 'muted', help: 'Paused channel' },
  duplicate: { label: 'Duplicate', tone: 'danger', help: 'Same platform and handle as another channel' },
  'duplicate-link': { label: 'Goal linked twice', tone: 'warn', help: 'Only the first link counts' },
  'cost-ignored': { label: 'Cost ignored', tone: 'muted', help: 'No hourly rate to turn cost into hours' },
  'invalid-input': { label: 'Invalid input', tone: 'danger', help: 'A number was not usable and counted as 0' }
}
