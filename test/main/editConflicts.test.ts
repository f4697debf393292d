import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EditConflict } from '../../src/core/api/editBase'
import type { Backend } from '../../src/main/backend/backend'
import { dispatch } from '../../src/main/backend/dispatch'
import { tempBackend } from './helpers/tempWorkspace'

type Channel = { id: string; name: string; audienceSize: number | null; notes: string; updatedAt: string }

let b: Backend
let cleanup: () => void
// Each write a second later, as two people editing would be.
let clock = Date.parse('2026-05-04T09:00:00Z')
beforeEach(async () => {
  ;({ b, cleanup } = await tempBackend(() => (clock += 1000)))
})
afterEach(() => cleanup())

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(b, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data as T
}

const newChannel = () => ok<Channel>('channel-create', { name: 'Company blog', platform: 'blog', audienceSize: 12000, notes: 'weekly' })

describe('optimistic concurrency on record updates', () => {
  it('refuses a stale edit of a field changed elsewhere, naming the field, their value, who and when; nothing is written', async () => {
    const opened = await newChannel()
    // Another tab saves first.
    const theirs = await ok<Channel>('channel-update', { id: opened.id, audienceSize: 15000 })
    const r = await dispatch(b, 'channel-update', { id: opened.id, audienceSize: 13000, base: { updatedAt: opened.updatedAt, values: { audienceSize: 12000 } } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflict')
    expect(r.error.issues.map((i) => i.path)).toEqual([['audienceSize']])
    const conflict = r.error.conflict as EditConflict
    expect(conflict.fields).toEqual([
      { field: 'audienceSize', label: 'Audience size', base: 12000, theirs: 15000, mine: 13000, by: 'this computer', at: theirs.updatedAt }
    ])
    const now = await ok<Channel>('channel-get', { id: opened.id })
    expect(now.audienceSize).toBe(15000)
    expect(conflict.version).toBe(now.updatedAt)

    // "Keep mine": the same edit sent against the version the conflict reported goes through.
    const kept = await ok<Channel>('channel-update', { id: opened.id, audienceSize: 13000, base: { updatedAt: conflict.version, values: { audienceSize: 15000 } } })
    expect(kept.audienceSize).toBe(13000)
  })

  it('saves a fresh edit (the version is current)', async () => {
    const opened = await newChannel()
    const saved = await ok<Channel>('channel-update', { id: opened.id, name: 'Blog', base: { updatedAt: opened.updatedAt, values: { name: 'Company blog' } } })
    expect(saved.name).toBe('Blog')
  })

  it('merges edits of different fields silently: theirs stays, mine is written', async () => {
    const opened = await newChannel()
    await ok('channel-update', { id: opened.id, notes: 'twice a week' })
    const saved = await ok<Channel>('channel-update', { id: opened.id, name: 'Blog', base: { updatedAt: opened.updatedAt, values: { name: 'Company blog' } } })
    expect(saved).toMatchObject({ name: 'Blog', notes: 'twice a week', audienceSize: 12000 })
  })

  it('does not ask when both sides typed the same value', async () => {
    const opened = await newChannel()
    await ok('channel-update', { id: opened.id, name: 'Blog' })
    const saved = await ok<Channel>('channel-update', { id: opened.id, name: 'Blog', base: { updatedAt: opened.updatedAt, values: { name: 'Company blog' } } })
    expect(saved.name).toBe('Blog')
  })

  it('with only a version, decides from the change log which fields moved since', async () => {
    const opened = await newChannel()
    await ok('channel-update', { id: opened.id, notes: 'twice a week' })
    const merged = await ok<Channel>('channel-update', { id: opened.id, name: 'Blog', base: { updatedAt: opened.updatedAt } })
    expect(merged).toMatchObject({ name: 'Blog', notes: 'twice a week' })
    const r = await dispatch(b, 'channel-update', { id: opened.id, notes: 'daily', base: { updatedAt: opened.updatedAt } })
    expect(!r.ok && r.error.code).toBe('conflict')
    expect(!r.ok && r.error.conflict?.fields.map((f) => [f.field, f.theirs, f.mine])).toEqual([['notes', 'twice a week', 'daily']])
  })

  it('keeps last-writer-wins for callers without a version (CLI, older clients)', async () => {
    const opened = await newChannel()
    await ok('channel-update', { id: opened.id, audienceSize: 15000 })
    const saved = await ok<Channel>('channel-update', { id: opened.id, audienceSize: 13000 })
    expect(saved.audienceSize).toBe(13000)
  })
})

describe('optimistic concurrency on calendar-update (the content editor)', () => {
  it('refuses a stale edit of the same field, merges a different one', async () => {
    const channel = await ok<{ id: string }>('channel-create', { name: 'LinkedIn', platform: 'linkedin' })
    const created = await ok<{ item: { id: string } }>('calendar-create', { values: { title: 'Launch post', channelId: channel.id, plannedDate: '2026-06-01', status: 'draft' } })
    const opened = await ok<{ id: string; title: string; brief: string; updatedAt: string }>('content-get', { id: created.item.id })
    await ok('calendar-update', { ids: [opened.id], set: { title: 'Launch post v2' } })

    const r = await dispatch(b, 'calendar-update', { ids: [opened.id], set: { title: 'Launch post (final)' }, base: { updatedAt: opened.updatedAt, values: { title: 'Launch post' } } })
    expect(!r.ok && r.error.code).toBe('conflict')
    expect(!r.ok && r.error.conflict?.fields.map((f) => [f.field, f.theirs, f.mine])).toEqual([['title', 'Launch post v2', 'Launch post (final)']])
    expect((await ok<{ title: string }>('content-get', { id: opened.id })).title).toBe('Launch post v2')

    await ok('calendar-update', { ids: [opened.id], set: { brief: 'Why it matters' }, base: { updatedAt: opened.updatedAt, values: { brief: opened.brief } } })
    expect(await ok('content-get', { id: opened.id })).toMatchObject({ title: 'Launch post v2', brief: 'Why it matters' })
  })

  it('refuses a version with several items: it names one record', async () => {
    const one = await ok<{ item: { id: string } }>('calendar-create', { values: { title: 'One', plannedDate: '2026-06-01', status: 'draft' } })
    const two = await ok<{ item: { id: string } }>('calendar-create', { values: { title: 'Two', plannedDate: '2026-06-02', status: 'draft' } })
    const r = await dispatch(b, 'calendar-update', { ids: [one.item.id, two.item.id], set: { pillar: 'x' }, base: { updatedAt: '2026-01-01T00:00:00.000Z' } })
    expect(!r.ok && r.error.code).toBe('invalid_input')
    expect(!r.ok && r.error.issues[0]?.path).toEqual(['base'])
  })
})
