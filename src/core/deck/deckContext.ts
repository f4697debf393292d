import { goalProgress, type GoalProgress } from '../goals/goalProgress'
import { quarter, shortDate, type Quarter } from '../goals/quarter'
import type { DeckChannel, DeckContentItem, DeckConversation, DeckGoal, DeckInput, DeckNote } from './deckInput'

/**
 * The input sorted, split by quarter and indexed once, so every slide builder reads the same
 * prepared view and none of them depends on the order rows arrived in.
 */
export type DeckContext = {
  input: DeckInput
  qr: Quarter
  prev: Quarter
  asOf: string
  /** The quarter is not over on asOf: every slide says "interim, as of". */
  interim: boolean
  /** Generation day, printed on every slide. */
  day: string
  subtitle: string
  goals: DeckGoal[]
  prevGoals: DeckGoal[]
  progress: Map<string, GoalProgress>
  prevProgress: Map<string, GoalProgress>
  channels: DeckChannel[]
  channelName: (id: string | null) => string
  memberName: (id: string | null) => string
  /** Content whose publish day (publishAt, else plannedDate) is in the quarter up to asOf, by day then id. */
  items: DeckContentItem[]
  prevItems: DeckContentItem[]
  published: DeckContentItem[]
  prevPublished: DeckContentItem[]
  conversations: DeckConversation[]
  prevConversations: DeckConversation[]
  notesBySlide: Map<string, DeckNote[]>
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Publish day of an item: the instant's UTC day, else the planned day. */
export function itemDay(c: Pick<DeckContentItem, 'publishAt' | 'plannedDate'>): string | null {
  return c.publishAt !== null ? c.publishAt.slice(0, 10) : c.plannedDate
}

export function resolveAsOf(input: Pick<DeckInput, 'asOf' | 'generatedAt'>, qr: Quarter): string {
  const d = input.asOf ?? input.generatedAt.slice(0, 10)
  return d > qr.end ? qr.end : d
}

export function deckContext(input: DeckInput): DeckContext {
  const parsed = quarter.parse(input.quarter)
  if (!parsed.ok) throw new RangeError(parsed.message)
  const qr = parsed.quarter
  const prev = quarter.previous(qr)
  const asOf = resolveAsOf(input, qr)

  const byPriority = (a: DeckGoal, b: DeckGoal): number =>
    b.priority - a.priority || (a.objective < b.objective ? -1 : a.objective > b.objective ? 1 : byId(a, b))
  const goals = input.goals.filter((g) => g.quarter === qr.key).toSorted(byPriority)
  const prevGoals = input.goals.filter((g) => g.quarter === prev.key).toSorted(byPriority)
  const progress = new Map(goals.map((g) => [g.id, goalProgress(g, input.measurements, asOf)]))
  const prevProgress = new Map(prevGoals.map((g) => [g.id, goalProgress(g, input.measurements, prev.end)]))

  const channels = input.channels.toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b)))
  const channelNames = new Map(channels.map((c) => [c.id, c.name]))
  const memberNames = new Map(input.members.map((m) => [m.id, m.name]))

  const items: DeckContentItem[] = []
  const prevItems: DeckContentItem[] = []
  for (const c of input.contentItems) {
    const d = itemDay(c)
    if (d === null) continue
    if (d >= qr.start && d <= asOf) items.push(c)
    else if (quarter.contains(prev, d)) prevItems.push(c)
  }
  const byDay = (a: DeckContentItem, b: DeckContentItem): number => {
    const da = itemDay(a) ?? ''
    const db = itemDay(b) ?? ''
    return da < db ? -1 : da > db ? 1 : byId(a, b)
  }
  items.sort(byDay)
  prevItems.sort(byDay)

  const convDay = (c: DeckConversation): string => c.occurredAt.slice(0, 10)
  const conversations = input.conversations.filter((c) => convDay(c) >= qr.start && convDay(c) <= asOf).toSorted(byId)
  const prevConversations = input.conversations.filter((c) => quarter.contains(prev, convDay(c))).toSorted(byId)

  const notesBySlide = new Map<string, DeckNote[]>()
  for (const n of input.notes.toSorted((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : byId(a, b)))) {
    if (n.text.trim() === '') continue
    const list = notesBySlide.get(n.slideKey) ?? []
    list.push(n)
    notesBySlide.set(n.slideKey, list)
  }

  return {
    input,
    qr,
    prev,
    asOf,
    interim: asOf < qr.end,
    day: input.generatedAt.slice(0, 10),
    subtitle: `${input.workspaceName} · ${qr.key} · ${quarter.label(qr)}${asOf < qr.end ? ` · interim, as of ${shortDate(asOf)}` : ''}`,
    goals,
    prevGoals,
    progress,
    prevProgress,
    channels,
    channelName: (id) => (id === null ? 'No channel' : (channelNames.get(id) ?? 'Unknown channel')),
    memberName: (id) => (id === null ? 'Unassigned' : (memberNames.get(id) ?? 'Unknown member')),
    items,
    prevItems,
    published: items.filter((c) => c.status === 'published'),
    prevPublished: prevItems.filter((c) => c.status === 'published'),
    conversations,
    prevConversations,
    notesBySlide
  }
}
