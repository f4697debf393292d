import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '../../src/renderer/src/components/fieldSpec'
import { toDraft } from '../../src/renderer/src/components/formValues'
import { draftKey, draftStore, type DraftStorage, type StoredDraft } from '../../src/renderer/src/drafts/draftStore'
import { dirtyKeys, keyGroups, rebase, resolveConflict, restoreEdit, startEdit } from '../../src/renderer/src/drafts/editSession'

/** Storage with the Web Storage API's behaviour (string values, indexed keys), as the tab's localStorage. */
function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    get length() {
      return map.size
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k)
  }
}

const entry = (over: Partial<StoredDraft> = {}): StoredDraft => ({
  kind: 'channel', id: 'C1', gesture: null, context: '{}', title: 'Company blog', entries: { name: 'Blog' },
  origin: { name: 'Company blog', updatedAt: 'v1' }, version: 'v1', savedAt: 1000, ...over
})

describe('draft store', () => {
  it('keeps a draft per record and per new-record gesture, and removes it', () => {
    const s = draftStore(memoryStorage())
    s.write(draftKey('channel', 'C1', null), entry())
    s.write(draftKey('channel', null, 'g1'), entry({ id: null, gesture: 'g1', savedAt: 2000 }))
    expect(s.read(draftKey('channel', 'C1', null))?.entries).toEqual({ name: 'Blog' })
    expect(s.all().map((d) => d.draft.gesture)).toEqual(['g1', null])
    s.remove(draftKey('channel', 'C1', null))
    expect(s.read(draftKey('channel', 'C1', null))).toBeUndefined()
  })

  it('offers the newest unsaved new record of the same kind and context only', () => {
    const s = draftStore(memoryStorage())
    s.write(draftKey('measurement', null, 'a'), entry({ kind: 'measurement', id: null, gesture: 'a', context: '{"goalId":"G1"}', savedAt: 1 }))
    s.write(draftKey('measurement', null, 'b'), entry({ kind: 'measurement', id: null, gesture: 'b', context: '{"goalId":"G1"}', savedAt: 2 }))
    s.write(draftKey('measurement', null, 'c'), entry({ kind: 'measurement', id: null, gesture: 'c', context: '{"goalId":"G2"}', savedAt: 3 }))
    expect(s.newestNew('measurement', '{"goalId":"G1"}')?.draft.gesture).toBe('b')
    expect(s.newestNew('channel', '{"goalId":"G1"}')).toBeUndefined()
  })

  it('drops an unreadable entry instead of failing the form, and survives a storage that refuses', () => {
    const mem = memoryStorage()
    mem.setItem(draftKey('channel', 'C1', null), '{not json')
    mem.setItem(draftKey('channel', 'C2', null), JSON.stringify({ kind: 'channel' }))
    const s = draftStore(mem)
    expect(s.read(draftKey('channel', 'C1', null))).toBeUndefined()
    expect(s.all()).toEqual([])
    expect(mem.map.size).toBe(0)

    const full: DraftStorage = { ...mem, length: 0, key: () => null, getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError') }, removeItem: () => {} }
    expect(draftStore(full).write('smo.draft.x', entry())).toBe(false)
    expect(draftStore(null).write('smo.draft.x', entry())).toBe(false)
  })
})

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', input: 'text' },
  { name: 'notes', label: 'Notes', input: 'textarea' },
  { name: 'publishAt', label: 'Publish', input: 'datetime', zoneField: 'publishZone' }
]
const td = (r: Record<string, unknown>) => toDraft(fields, r)
const groups = keyGroups(fields)
const v1 = { name: 'Company blog', notes: 'weekly', publishAt: null, publishZone: null, updatedAt: 'v1' }

describe('edit session', () => {
  it('knows what the user changed, with a publish time and its zone as one', () => {
    const s = startEdit(v1, td)
    expect(dirtyKeys(s, td, groups).size).toBe(0)
    expect([...dirtyKeys({ ...s, draft: { ...s.draft, publishZone: 'Europe/Berlin' } }, td, groups)].sort()).toEqual(['publishAt', 'publishZone'])
  })

  it('merges a change made elsewhere into untouched inputs and keeps typed ones with their old base', () => {
    const s = { ...startEdit(v1, td), draft: { ...td(v1), name: 'Blog' } }
    const next = rebase(s, { ...v1, name: 'The blog', notes: 'twice a week', updatedAt: 'v2' }, td, groups)
    expect(next.draft).toMatchObject({ name: 'Blog', notes: 'twice a week' })
    expect(next.origin).toMatchObject({ name: 'Company blog', notes: 'twice a week' })
    expect(next.version).toBe('v1')
    // Nothing typed: the edit simply follows the record.
    expect(rebase(startEdit(v1, td), { ...v1, notes: 'x', updatedAt: 'v2' }, td, groups)).toMatchObject({ version: 'v2', draft: { notes: 'x' } })
  })

  it('restores a stored draft over the record as it is now, against the version it was typed on', () => {
    const now = { ...v1, notes: 'twice a week', updatedAt: 'v2' }
    const r = restoreEdit(now, { entries: { name: 'Blog' }, origin: v1, version: 'v1' }, td, groups)
    expect(r.draft).toMatchObject({ name: 'Blog', notes: 'twice a week' })
    expect(r).toMatchObject({ version: 'v1', origin: { name: 'Company blog', notes: 'twice a week' } })
  })

  it('settles a conflict: mine keeps what was typed on the new version, theirs takes their value', () => {
    const s = { ...startEdit(v1, td), draft: { ...td(v1), name: 'Blog', notes: 'daily' } }
    const conflict = { version: 'v2', fields: [{ field: 'name', label: 'Name', theirs: 'The blog', mine: 'Blog', by: null, at: null }] }
    const mine = resolveConflict(s, conflict, 'mine', td, groups)
    expect(mine).toMatchObject({ version: 'v2', draft: { name: 'Blog', notes: 'daily' }, origin: { name: 'The blog' } })
    const theirs = resolveConflict(s, conflict, 'theirs', td, groups)
    expect(theirs).toMatchObject({ version: 'v2', draft: { name: 'The blog', notes: 'daily' } })
    expect([...dirtyKeys(theirs, td, groups)]).toEqual(['notes'])
  })
})
