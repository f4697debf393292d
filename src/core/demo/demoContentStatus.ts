import type { z } from 'zod'
import type { enums } from '../domain/enums'
import type { Rng } from './seededRandom'

export type ContentStatus = z.infer<typeof enums.contentStatus>

/**
 * The status a planned item believably has, given how many days from today it is planned: the past
 * is mostly published (with a few cancelled and a few overdue), the next week is scheduled or
 * approved, and the further out, the rougher the item.
 */
type Weights = readonly (readonly [ContentStatus, number])[]
// Hoisted: building these tables per call was garbage for every one of 100k items.
const LONG_PAST: Weights = [['published', 93], ['cancelled', 7]]
const RECENT_PAST: Weights = [['published', 85], ['cancelled', 5], ['in_review', 4], ['draft', 6]]
const THIS_WEEK: Weights = [['scheduled', 55], ['approved', 25], ['in_review', 15], ['draft', 5]]
const NEXT_WEEKS: Weights = [['scheduled', 10], ['approved', 15], ['in_review', 30], ['draft', 40], ['cancelled', 5]]
const LATER: Weights = [['in_review', 5], ['draft', 45], ['idea', 50]]

export function demoContentStatus(rng: Rng, daysFromToday: number): ContentStatus {
  const d = daysFromToday
  if (d < -14) return rng.weighted(LONG_PAST)
  if (d < 0) return rng.weighted(RECENT_PAST)
  if (d <= 7) return rng.weighted(THIS_WEEK)
  if (d <= 21) return rng.weighted(NEXT_WEEKS)
  return rng.weighted(LATER)
}

/** Where the first items of every demo go, so each status appears whatever the seed and size. */
export const GUARANTEED: readonly { status: ContentStatus; from: number; to: number }[] = [
  { status: 'scheduled', from: 1, to: 3 },
  { status: 'scheduled', from: 2, to: 6 },
  { status: 'approved', from: 1, to: 6 },
  { status: 'approved', from: 4, to: 10 },
  { status: 'in_review', from: 2, to: 12 },
  { status: 'in_review', from: 5, to: 14 },
  { status: 'draft', from: 7, to: 20 },
  { status: 'draft', from: 10, to: 25 },
  { status: 'idea', from: 22, to: 40 },
  { status: 'published', from: -30, to: -2 },
  { status: 'published', from: -60, to: -10 },
  { status: 'cancelled', from: -30, to: -5 }
]

/** Ids of the workspace policy checklist (disclosure, legal, brand, accessibility, tracking). */
export const CHECKLIST_IDS = ['brand_voice', 'claims_checked', 'disclosure', 'accessibility', 'links_tracked'] as const
