import { recordKinds, type KindName } from '../../../src/core/domain/recordKinds'
import type { Backend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import type { Change } from '../../../src/main/backend/mutate'
import { deckFixture } from '../../core/deck/deckFixture'

/**
 * Writes the core deck fixture (test/core/deck/deckFixture.ts) into a real workspace through the one
 * mutation path, keeping its short ids so the deck built from SQLite can be compared with the deck
 * built from the fixture, slide by slide. Stamps the fixture's own dates on the rows whose system
 * stamps the deck reads (influencer createdAt, note updatedAt). Adds rows the deck must not read: a
 * tombstoned item and a conversation from last year.
 */
export function seedDeckFixture(b: Backend): void {
  const f = deckFixture()
  const changes: Change[] = []
  const add = (kind: KindName, rows: readonly object[], extra: Record<string, unknown> = {}) => {
    for (const r of rows) {
      const { id, createdAt: _c, updatedAt: _u, ...values } = r as Record<string, unknown> & { id: string }
      changes.push({ op: 'create', kind, id, values: { ...recordKinds[kind].defaults, ...extra, ...values } })
    }
  }
  add('member', f.members, { email: '', active: true })
  add('goal', f.goals)
  add('measurement', f.measurements)
  add('channel', f.channels, { handle: '', audienceSize: 5000, confidence: 0.6, costPerMonth: 0, estimatesUpdatedAt: '2026-09-01', notes: '' })
  add('content', f.contentItems, { brief: '', format: 'post', publishZone: 'UTC' })
  add('content', [{ id: 'KX', title: 'Deleted post', channelId: 'C1', goalId: 'G1', status: 'published', publishAt: '2026-07-10T08:00:00Z', effortHours: 50, resultConversions: 999 }], { brief: '', format: 'post', publishZone: 'UTC' })
  add('influencer', f.influencers.map(({ createdAt: _c, ...i }) => i), { title: '', handles: {}, topics: [], reach: 0, engagementRate: 0, relevance: 3 })
  add('conversation', [...f.conversations, { id: 'V9', occurredAt: '2025-08-01T09:00:00Z', channelId: 'C1', type: 'lead', sentiment: 'positive', state: 'new', assigneeId: null, assignedAt: null, resolvedAt: null, tags: [] }], {
    author: 'A customer',
    summary: 'From the fixture',
    influencerId: null,
    resolution: ''
  })
  add('deckNote', f.notes.map(({ updatedAt: _u, ...n }) => ({ ...n, quarter: '2026-Q3' })))
  b.mutate('fixture', changes)
  b.mutate('fixture-delete', [{ op: 'delete', kind: 'content', id: 'KX' }])
  for (const i of f.influencers) b.db.run(sql`UPDATE influencer SET created_at = ${i.createdAt} WHERE id = ${i.id}`)
  for (const n of f.notes) b.db.run(sql`UPDATE deck_note SET created_at = ${n.updatedAt}, updated_at = ${n.updatedAt} WHERE id = ${n.id}`)
}
