import type { Draft } from '../components/formValues'

/**
 * A form's unsaved edits, kept on this computer (the origin's localStorage: the browser host's tab
 * and the desktop window share nothing else) so a reload, a closed tab or a crash loses nothing.
 */
export type StoredDraft = {
  kind: string
  /** The record's id; null for a record not yet created. */
  id: string | null
  /** A new record's gesture ("New channel" pressed once) and what it was created in (the goal of a measurement…). */
  gesture: string | null
  context: string
  /** The record's name for the restore question. */
  title: string
  /** Only the inputs the user changed, as typed. */
  entries: Draft
  /** The record's values and version when the edit began, so a restored edit still sees changes made since. */
  origin: Record<string, unknown>
  version: string | null
  savedAt: number
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string'
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string'
const isEntries = (v: unknown): v is Draft => isRecord(v) && Object.values(v).every((e) => typeof e === 'string' || typeof e === 'boolean')

/**
 * What was written by this app, checked by hand rather than with a zod schema: the store is read at
 * start (the drafts banner) and zod is not loaded before the first screen draws (issue #17).
 */
function asStoredDraft(v: unknown): StoredDraft | undefined {
  if (!isRecord(v)) return undefined
  const { kind, id, gesture, context, title, entries, origin, version, savedAt } = v
  if (!isText(kind) || !isTextOrNull(id) || !isTextOrNull(gesture) || !isText(context) || !isText(title)) return undefined
  if (!isEntries(entries) || !isRecord(origin) || !isTextOrNull(version) || typeof savedAt !== 'number') return undefined
  return { kind, id, gesture, context, title, entries, origin, version, savedAt }
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

const PREFIX = 'smo.draft.'

/** The storage key of a record's draft, or of one "new record" gesture's. */
export function draftKey(kind: string, id: string | null, gesture: string | null): string {
  return id !== null ? `${PREFIX}${kind}.${id}` : `${PREFIX}${kind}.new.${gesture ?? ''}`
}

/**
 * Drafts over any Storage. A storage that refuses (private mode, quota) or holds something
 * unreadable never breaks a form: writes report false, unreadable entries are dropped.
 */
export function draftStore(storage: DraftStorage | null) {
  const read = (key: string): StoredDraft | undefined => {
    if (storage === null) return undefined
    let raw: string | null
    try {
      raw = storage.getItem(key)
    } catch {
      return undefined
    }
    if (raw === null) return undefined
    try {
      const parsed = asStoredDraft(JSON.parse(raw))
      if (parsed) return parsed
    } catch {
      // Not JSON: fall through and drop it.
    }
    remove(key)
    return undefined
  }
  const remove = (key: string): void => {
    try {
      storage?.removeItem(key)
    } catch {
      // Nothing to do: a storage that cannot remove holds nothing we wrote either.
    }
  }
  const keys = (): string[] => {
    if (storage === null) return []
    const out: string[] = []
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i)
      if (k !== null && k.startsWith(PREFIX)) out.push(k)
    }
    return out
  }
  return {
    read,
    remove,
    write(key: string, draft: StoredDraft): boolean {
      if (storage === null) return false
      try {
        storage.setItem(key, JSON.stringify(draft))
        return true
      } catch {
        return false
      }
    },
    /** Every draft on this computer, newest first. */
    all(): { key: string; draft: StoredDraft }[] {
      return keys()
        .flatMap((key) => {
          const draft = read(key)
          return draft === undefined ? [] : [{ key, draft }]
        })
        .sort((a, b) => b.draft.savedAt - a.draft.savedAt)
    },
    /** The newest unsaved new record of a kind started in the same context, offered when "New" is pressed again. */
    newestNew(kind: string, context: string): { key: string; draft: StoredDraft } | undefined {
      return this.all().find((d) => d.draft.kind === kind && d.draft.id === null && d.draft.context === context)
    }
  }
}

export type DraftStore = ReturnType<typeof draftStore>

function localStorageOrNull(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The drafts of this window's origin. */
export const drafts: DraftStore = draftStore(localStorageOrNull())
