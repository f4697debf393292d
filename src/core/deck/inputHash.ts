import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import type { DeckInput } from './deckInput'

/** A SHA-256 fed with text in pieces, so a large canonical input never has to exist as one string. */
export type DeckHasher = { update(text: string): void; digest(): string }

/**
 * The environment-free default (@noble/hashes, audited, no Node or DOM); the backend passes
 * node:crypto's hash instead, which gives the same digest faster on 100k rows.
 */
export function pureHasher(): DeckHasher {
  const h = sha256.create()
  return { update: (t) => void h.update(utf8ToBytes(t)), digest: () => bytesToHex(h.digest()) }
}

/**
 * The fields of each collection the deck reads. Only these are hashed, so a backend that passes whole
 * records and one that selects just these columns get the same hash for the same data; they are also
 * the column list for the deck's database query.
 */
export const deckInputFields = {
  members: ['id', 'name', 'role', 'weeklyCapacityHours'],
  goals: ['id', 'objective', 'driver', 'kind', 'kpiName', 'kpiUnit', 'baseline', 'target', 'stretchTarget', 'quarter', 'ownerId', 'priority', 'notes'],
  measurements: ['id', 'goalId', 'date', 'value', 'source'],
  channels: ['id', 'name', 'platform', 'status', 'ownerId', 'cadencePerWeek', 'hoursPerPost', 'fixedHoursPerMonth', 'costPerMonth', 'goalLinks'],
  contentItems: [
    'id', 'title', 'channelId', 'goalId', 'ownerId', 'status', 'plannedDate', 'publishAt', 'effortHours',
    'resultReach', 'resultEngagements', 'resultClicks', 'resultConversions'
  ],
  influencers: ['id', 'name', 'stage', 'stageHistory', 'ownerId', 'createdAt'],
  conversations: ['id', 'occurredAt', 'channelId', 'type', 'sentiment', 'state', 'assigneeId', 'assignedAt', 'resolvedAt', 'tags'],
  notes: ['id', 'slideKey', 'text', 'author', 'updatedAt'],
  hours: ['channelId', 'currentHoursPerWeek', 'recommendedHoursPerWeek', 'engineHoursPerWeek', 'decision'],
  predicted: ['channelId', 'goalId', 'point', 'low', 'high']
} as const

/** Collections read from the database (the rest are computed: hours and predictions). */
export type DeckStoredCollection = Exclude<keyof typeof deckInputFields, 'hours' | 'predicted'>

export type DeckCollection = keyof typeof deckInputFields

/**
 * SHA-256 over a canonical form of the input: the header (workspace, quarter, asOf) then each
 * collection in a fixed order, rows sorted by id (hours by channel), keys sorted, one JSON line per
 * row. generatedAt is left out so re-exporting the same data gives the same hash.
 */
export function inputHash(input: DeckInput, asOf: string, makeHasher: () => DeckHasher = pureHasher): string {
  const h = makeHasher()
  const header = { deckInput: 2, workspaceName: input.workspaceName, quarter: input.quarter, asOf, scenario: input.scenario, money: input.money, planAsOf: input.planAsOf, ...(input.desk == null ? {} : { desk: input.desk }), ...(input.ledger == null ? {} : { ledger: input.ledger }) }
  h.update(canonical(header) + '\n')
  for (const name of Object.keys(deckInputFields) as DeckCollection[]) {
    const fields = deckInputFields[name]
    const rows: readonly object[] = input[name]
    const keyed = rows.map((r) => {
      const rec = r as Record<string, unknown>
      const key = name === 'hours' ? String(rec.channelId) : name === 'predicted' ? `${String(rec.channelId)} ${String(rec.goalId)}` : String(rec.id)
      return { key, rec }
    })
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    h.update(`${name} ${keyed.length}\n`)
    for (const { rec } of keyed) {
      const picked: Record<string, unknown> = {}
      for (const f of fields) picked[f] = rec[f] ?? null
      h.update(canonical(picked) + '\n')
    }
  }
  return h.digest()
}

/** JSON with object keys sorted at every depth; undefined becomes null. */
export function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}
