import { labelOf } from '../domain/enums'

export type RouteRule = {
  id: string
  position: number
  name: string
  types: readonly string[]
  topics: readonly string[]
  sentiments: readonly string[]
  keywords: readonly string[]
  authors: readonly string[]
  channelIds: readonly string[]
  networks: readonly string[]
  assigneeId: string
  priority: string | null
  active: boolean
  deletedAt?: string | null
}
export type RouteExpert = { id: string; name: string; active: boolean; availability: string }
export type RouteSubject = {
  type: string
  topic?: string
  sentiment?: string
  summary?: string
  author?: string
  channelId?: string | null
  network?: string
}
export type Proposal = {
  assigneeId: string
  assigneeName: string
  ruleId: string
  rulePosition: number
  ruleName: string
  reason: string
  priority: string | null
}

const low = (s: string | undefined | null) => (s ?? '').trim().toLowerCase()

/** What in the subject made the rule match, in words, or null when a condition fails. */
function matchParts(r: RouteRule, c: RouteSubject, channelName: (id: string) => string): string[] | null {
  const parts: string[] = []
  if (r.types.length > 0) {
    if (!r.types.includes(c.type)) return null
    parts.push(labelOf(c.type).toLowerCase())
  }
  if (r.topics.length > 0) {
    if (!r.topics.some((t) => low(t) === low(c.topic))) return null
    parts.push(`topic ${c.topic ?? ''}`)
  }
  if (r.sentiments.length > 0) {
    if (!r.sentiments.includes(c.sentiment ?? 'neutral')) return null
    parts.push(`${labelOf(c.sentiment ?? 'neutral').toLowerCase()} sentiment`)
  }
  if (r.keywords.length > 0) {
    const hit = r.keywords.find((k) => low(c.summary).includes(low(k)))
    if (hit === undefined) return null
    parts.push(`mentions “${hit}”`)
  }
  if (r.authors.length > 0) {
    const hit = r.authors.find((a) => low(c.author).includes(low(a)))
    if (hit === undefined) return null
    parts.push(`author ${hit}`)
  }
  if (r.channelIds.length > 0) {
    if (c.channelId == null || !r.channelIds.includes(c.channelId)) return null
    parts.push(`on ${channelName(c.channelId)}`)
  }
  if (r.networks.length > 0) {
    const hit = r.networks.find((n) => low(n) === low(c.network))
    if (hit === undefined) return null
    parts.push(`on ${hit}`)
  }
  return parts
}

/**
 * The first active rule (by position) whose every condition matches proposes its expert. A rule whose
 * expert has left or is away is passed over, so the proposal is someone who can answer now.
 */
export function proposeRoute(
  subject: RouteSubject,
  rules: readonly RouteRule[],
  experts: ReadonlyMap<string, RouteExpert>,
  channelName: (id: string) => string = (id) => id
): Proposal | null {
  const ordered = rules.filter((r) => r.active && (r.deletedAt ?? null) === null).toSorted((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
  for (const r of ordered) {
    const expert = experts.get(r.assigneeId)
    if (!expert || !expert.active || expert.availability === 'away') continue
    const parts = matchParts(r, subject, channelName)
    if (parts === null) continue
    const what = parts.length === 0 ? 'any conversation' : parts.join(' + ')
    return {
      assigneeId: expert.id,
      assigneeName: expert.name,
      ruleId: r.id,
      rulePosition: r.position,
      ruleName: r.name,
      reason: `${what} → ${expert.name}, rule ${r.position}`,
      priority: r.priority
    }
  }
  return null
}
