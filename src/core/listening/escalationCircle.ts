/**
 * Escalation must always end with someone: a ladder that names an expert twice, or experts whose
 * "escalates to" lead back to where they started (A → B → A), would pass a conversation around forever.
 * These return the circle as names (for the refusal sentence), or null.
 */
export function ladderCircle(steps: readonly { level: number; expertId: string }[], nameOf: (id: string) => string): string[] | null {
  const seen = new Map<string, number>()
  for (const [i, s] of steps.entries()) {
    const first = seen.get(s.expertId)
    if (first !== undefined) return steps.slice(first, i + 1).map((x) => nameOf(x.expertId))
    seen.set(s.expertId, i)
  }
  return null
}

/** Follow "escalates to" from `startId` with `escalatesTo` (which already holds the change being saved). */
export function chainCircle(startId: string, escalatesTo: (id: string) => string | null, nameOf: (id: string) => string): string[] | null {
  const path = [startId]
  let at = escalatesTo(startId)
  while (at !== null) {
    path.push(at)
    if (at === startId) return path.map(nameOf)
    // A circle that does not pass through the start was refused when it was made; stop either way.
    if (path.indexOf(at) !== path.length - 1) return null
    at = escalatesTo(at)
  }
  return null
}
