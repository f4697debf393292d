import type { DeckInput } from '../../../core/deck/deckInput'
import { deckInputFields } from '../../../core/deck/inputHash'
import { quarter, type Quarter } from '../../../core/goals/quarter'
import type { KindName } from '../../../core/domain/recordKinds'
import type { Db, Row } from '../db/db'
import { sql, type Sql } from '../db/sql'
import { recordCodec, type ColumnCodec } from '../repo/recordCodec'
import { recordsAsOf } from './recordsAsOf'

type Selected = Record<string, unknown>

const system: Record<string, ColumnCodec> = {
  id: { field: 'id', column: 'id', type: 'text' },
  createdAt: { field: 'createdAt', column: 'created_at', type: 'text' },
  updatedAt: { field: 'updatedAt', column: 'updated_at', type: 'text' }
}

function decode(c: ColumnCodec, v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (c.type === 'json') return JSON.parse(String(v)) as unknown
  if (c.type === 'bool') return v === 1 || v === 1n
  if (c.type === 'number') return Number(v)
  return v
}

/**
 * Live rows of one kind with only the named fields: the deck reads exactly the columns it hashes
 * (deckInputFields), which keeps the 100,000-item query light. `where` is appended after the
 * tombstone filter.
 */
function select(db: Db, kind: KindName, fields: readonly string[], where: Sql = sql``): Selected[] {
  const codec = recordCodec(kind)
  const cols = fields.map((f) => {
    const c = codec.byField.get(f) ?? system[f]
    if (c === undefined) throw new Error(`${kind} has no field ${f}`)
    return c
  })
  const rows = db.all<Row>(sql`SELECT ${sql.join(cols.map((c) => sql.id(c.column)))} FROM ${sql.id(codec.table)} WHERE deleted_at IS NULL ${where}`)
  return rows.map((r) => {
    const out: Selected = {}
    for (const c of cols) out[c.field] = decode(c, r[c.column])
    return out
  })
}

export type DeckSpan = { qr: Quarter; prev: Quarter; next: Quarter }

export function deckSpan(key: string): DeckSpan {
  const qr = quarter.of(key)
  return { qr, prev: quarter.previous(qr), next: quarter.next(qr) }
}

/**
 * Everything the deck is built from, read from SQLite for a quarter and the one before it, through
 * the indexes migration 001 made (goal_quarter, measurement_goal_date, content_publish_at,
 * content_planned, conversation_occurred). The hours recommendation comes from the caller, since it
 * needs the whole channel rows and the priority engine.
 */
export function readDeckInput(
  db: Db,
  key: string,
  meta: Pick<DeckInput, 'workspaceName' | 'generatedAt' | 'asOf' | 'hours' | 'predicted' | 'scenario' | 'money' | 'planAsOf'>
): DeckInput {
  const { qr, prev, next } = deckSpan(key)
  const F = deckInputFields
  const quarters = [qr.key, prev.key, next.key]
  // The plan (goals, channel estimates, members) as it stood on planAsOf for an ended quarter; results
  // (content, measurements, conversations) are always today's: a result entered late is still a result.
  const planned = (kind: 'goal' | 'channel' | 'member', fields: readonly string[], where: Sql = sql``): Selected[] =>
    meta.planAsOf === null ? select(db, kind, fields, where) : recordsAsOf(db, kind, meta.planAsOf).map((r) => pick(r, fields))
  const goals = planned('goal', F.goals, sql`AND quarter IN (${qr.key}, ${prev.key}, ${next.key})`).filter((g) => quarters.includes(String(g.quarter)))
  const measurements = select(
    db,
    'measurement',
    F.measurements,
    sql`AND goal_id IN (${sql.join(goals.map((g) => sql`${String(g.id)}`).concat(sql`''`))}) AND date BETWEEN ${prev.start} AND ${qr.end}`
  )
  // Publish day is publishAt's UTC day, else the planned day (deckContext.itemDay): two indexed ranges.
  const published = select(db, 'content', F.contentItems, sql`AND publish_at >= ${prev.start} AND publish_at < ${next.start}`)
  const unpublished = select(db, 'content', F.contentItems, sql`AND publish_at IS NULL AND planned_date BETWEEN ${prev.start} AND ${qr.end}`)
  const conversations = select(db, 'conversation', F.conversations, sql`AND occurred_at >= ${prev.start} AND occurred_at < ${next.start}`)
  const notes = select(db, 'deckNote', F.notes, sql`AND quarter = ${qr.key}`)
  return {
    workspaceName: meta.workspaceName,
    quarter: qr.key,
    generatedAt: meta.generatedAt,
    ...(meta.asOf === undefined ? {} : { asOf: meta.asOf }),
    members: planned('member', F.members) as unknown as DeckInput['members'],
    goals: goals as unknown as DeckInput['goals'],
    measurements: measurements as unknown as DeckInput['measurements'],
    channels: planned('channel', F.channels) as unknown as DeckInput['channels'],
    contentItems: [...published, ...unpublished] as unknown as DeckInput['contentItems'],
    influencers: select(db, 'influencer', F.influencers) as unknown as DeckInput['influencers'],
    conversations: conversations as unknown as DeckInput['conversations'],
    notes: notes as unknown as DeckInput['notes'],
    hours: meta.hours,
    predicted: meta.predicted,
    scenario: meta.scenario,
    money: meta.money,
    planAsOf: meta.planAsOf
  }
}

function pick(r: Record<string, unknown>, fields: readonly string[]): Selected {
  const out: Selected = {}
  for (const f of fields) out[f] = r[f] ?? null
  return out
}

export type QuarterCounts = { quarter: string; goals: number; contentItems: number; measurements: number; conversations: number }

/**
 * How many records fall in each quarter, for the quarter picker and the "no data" check. Content,
 * measurements and conversations are grouped by month in SQL (one pass each), then folded into quarters.
 */
export function quarterCounts(db: Db): QuarterCounts[] {
  const by = new Map<string, QuarterCounts>()
  const at = (q: string): QuarterCounts => {
    let c = by.get(q)
    if (c === undefined) {
      c = { quarter: q, goals: 0, contentItems: 0, measurements: 0, conversations: 0 }
      by.set(q, c)
    }
    return c
  }
  const monthQuarter = (ym: string): string | null => {
    const m = /^(\d{4})-(\d{2})$/.exec(ym)
    return m === null ? null : `${m[1]}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`
  }
  for (const r of db.all<{ quarter: string; n: number }>(sql`SELECT quarter, count(*) AS n FROM goal WHERE deleted_at IS NULL GROUP BY quarter`)) {
    if (quarter.parse(r.quarter).ok) at(r.quarter).goals += r.n
  }
  const monthly: [keyof Omit<QuarterCounts, 'quarter' | 'goals'>, Sql][] = [
    ['contentItems', sql`SELECT substr(coalesce(publish_at, planned_date), 1, 7) AS ym, count(*) AS n FROM content_item WHERE deleted_at IS NULL AND coalesce(publish_at, planned_date) IS NOT NULL GROUP BY ym`],
    ['measurements', sql`SELECT substr(date, 1, 7) AS ym, count(*) AS n FROM measurement WHERE deleted_at IS NULL AND goal_id IS NOT NULL GROUP BY ym`],
    ['conversations', sql`SELECT substr(occurred_at, 1, 7) AS ym, count(*) AS n FROM conversation WHERE deleted_at IS NULL GROUP BY ym`]
  ]
  for (const [field, q] of monthly) {
    for (const r of db.all<{ ym: string | null; n: number }>(q)) {
      const key = r.ym === null ? null : monthQuarter(r.ym)
      if (key !== null) at(key)[field] += r.n
    }
  }
  return [...by.values()].toSorted((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0))
}
