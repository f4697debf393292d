import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EditBase, EditConflict } from '../../../core/api/editBase'
import type { FieldSpec } from '../components/fieldSpec'
import { changedFields, type Draft } from '../components/formValues'
import { drafts, draftKey, type StoredDraft } from './draftStore'
import { dirtyKeys, keyGroups, pick, rebase, resolveConflict, restoreEdit, startEdit, type EditState, type ToDraft } from './editSession'
import { useUnsavedGuard } from './useUnsavedGuard'

type Options = {
  kind: string
  /** The record's id; undefined for a new one. */
  id: string | undefined
  /** The record as the backend has it now (live), or a new record's starting values; undefined while loading. */
  record: Record<string, unknown> | undefined
  fields: readonly FieldSpec[]
  toDraft: ToDraft
  /** The record's name for the restore question, from what the inputs hold. */
  titleOf: (draft: Draft) => string
  /** Where a new record is created (its presets), so a draft is offered back in the same place only. */
  context?: string
}

function storedFor(kind: string, id: string): { key: string; draft: StoredDraft } | undefined {
  const key = draftKey(kind, id, null)
  const draft = drafts.read(key)
  return draft === undefined ? undefined : { key, draft }
}

// Typing is written to the draft store after this pause; leaving the form writes at once.
const SAVE_AFTER_MS = 400

/**
 * One edit of one record, kept safe: the inputs' state, a draft on this computer written as the user
 * types (offered back by `offer` when the record is opened again), the leave-page prompt while
 * anything is unsaved, a live rebase when the record changes elsewhere, and the version to send so a
 * save never overwrites a change made elsewhere without asking (`conflict`).
 */
export function useEditSession({ kind, id, record, fields, toDraft, titleOf, context = '' }: Options) {
  const groups = useMemo(() => keyGroups(fields), [fields])
  const [gesture, setGesture] = useState<string | null>(() => (id === undefined ? crypto.randomUUID() : null))
  const key = draftKey(kind, id ?? null, gesture)
  const [state, setState] = useState<EditState | undefined>(undefined)
  const [offer, setOffer] = useState<{ key: string; draft: StoredDraft } | undefined>(undefined)
  const [conflict, setConflict] = useState<EditConflict | undefined>(undefined)
  const [seen, setSeen] = useState<Record<string, unknown> | undefined>(undefined)
  // Saved or deleted: the state stops the leave prompt, the ref stops a write already scheduled.
  const [finished, setFinished] = useState(false)
  const finishedRef = useRef(false)

  // Derived state set during render (not in an effect): the first load starts the edit and looks for
  // a draft to offer; a later load is a change made elsewhere, merged in by `rebase`.
  if (record !== undefined && record !== seen) {
    setSeen(record)
    if (state === undefined) {
      const fresh = startEdit(record, toDraft)
      setState(fresh)
      const stored = id !== undefined ? storedFor(kind, id) : drafts.newestNew(kind, context)
      if (stored !== undefined) {
        const restored = restoreEdit(record, stored.draft, toDraft, groups)
        if (dirtyKeys(restored, toDraft, groups).size > 0 && JSON.stringify(restored.draft) !== JSON.stringify(fresh.draft)) setOffer(stored)
        else drafts.remove(stored.key)
      }
    } else setState(rebase(state, record, toDraft, groups))
  }

  const dirty = state !== undefined && dirtyKeys(state, toDraft, groups).size > 0
  useUnsavedGuard(dirty && !finished)

  // The pending write, run early when the form goes away or the page is hidden.
  const pending = useRef<(() => void) | null>(null)
  // The title only labels the stored draft; a new function each render must not restart the pause.
  const titleRef = useRef(titleOf)
  useEffect(() => {
    titleRef.current = titleOf
  })
  useEffect(() => {
    if (state === undefined || offer !== undefined || finished) return
    const write = (): void => {
      pending.current = null
      if (finishedRef.current) return
      const changed = dirtyKeys(state, toDraft, groups)
      if (changed.size === 0) return drafts.remove(key)
      drafts.write(key, { kind, id: id ?? null, gesture, context, title: titleRef.current(state.draft), entries: pick(state.draft, changed), origin: state.origin, version: state.version, savedAt: Date.now() })
    }
    pending.current = write
    const timer = setTimeout(write, SAVE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [state, offer, finished, key, kind, id, gesture, context, toDraft, groups])
  useEffect(() => {
    const flush = (): void => pending.current?.()
    addEventListener('pagehide', flush)
    return () => {
      removeEventListener('pagehide', flush)
      flush()
    }
  }, [])

  const setField = useCallback((name: string, value: string | boolean) => setState((s) => (s === undefined ? s : { ...s, draft: { ...s.draft, [name]: value } })), [])

  return {
    state,
    draft: state?.draft ?? {},
    setField,
    dirty,
    /** A draft from before, waiting for Restore or Discard. */
    offer: offer?.draft,
    restore(): void {
      if (offer === undefined || record === undefined) return
      setState(restoreEdit(record, offer.draft, toDraft, groups))
      if (id === undefined) setGesture(offer.draft.gesture)
      setOffer(undefined)
    },
    discardOffer(): void {
      if (offer !== undefined) drafts.remove(offer.key)
      setOffer(undefined)
    },
    /** What to send for `values` (the form's parsed inputs): only the changed fields, and the base they were changed from. */
    changes(values: Record<string, unknown>, from: EditState | undefined = state): { set: Record<string, unknown>; base: EditBase | undefined } {
      const origin = from?.origin ?? {}
      const set = changedFields(values, origin)
      const version = from?.version ?? null
      return { set, base: version === null ? undefined : { updatedAt: version, values: pick(origin, Object.keys(set)) } }
    },
    /** Saved (or deleted): the draft is gone and leaving no longer asks. */
    finish(): void {
      finishedRef.current = true
      setFinished(true)
      pending.current = null
      drafts.remove(key)
    },
    /** Back to the record as it is, draft removed. */
    revert(): void {
      drafts.remove(key)
      if (record !== undefined) setState(startEdit(record, toDraft))
    },
    conflict,
    setConflict,
    /** Apply a choice from the conflict prompt; returns the state to save. */
    resolve(choice: 'mine' | 'theirs'): EditState | undefined {
      if (state === undefined || conflict === undefined) return state
      const next = resolveConflict(state, conflict, choice, toDraft, groups)
      setState(next)
      setConflict(undefined)
      return next
    }
  }
}
