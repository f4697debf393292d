import { useState } from 'react'
import { kindDirectory } from '../../../core/domain/kindDirectory'
import type { KindName } from '../../../core/domain/recordKinds'
import type { ScreenId } from '../shell/screens'
import { draftPlaces } from './draftPlaces'
import { drafts, type StoredDraft } from './draftStore'
import { requestOpen } from './useOpenRequest'
import './drafts.css'

const placeOf = (kind: string): ScreenId | undefined => (Object.hasOwn(draftPlaces, kind) ? draftPlaces[kind as KindName] : undefined)
const kindLabel = (kind: string): string => (Object.hasOwn(kindDirectory, kind) ? kindDirectory[kind as KindName].label : kind)

/**
 * At start, the edits left unsaved last time (a reload, a closed tab or window, a crash): open one
 * to get the restore question, or discard it. Shown once; the record's own question stays the way back.
 */
export function DraftsBanner() {
  const [list, setList] = useState<{ key: string; draft: StoredDraft }[]>(() => drafts.all().filter((d) => placeOf(d.draft.kind) !== undefined))
  if (list.length === 0) return null
  const drop = (key: string): void => setList((l) => l.filter((d) => d.key !== key))
  const shown = list.slice(0, 3)
  return (
    <div className="banner banner-info" role="status" data-testid="drafts-banner">
      <strong>Unsaved changes from last time.</strong>
      <ul className="drafts-list">
        {shown.map(({ key, draft }) => (
          <li key={key} data-testid="drafts-banner-item">
            <span>
              ‘{draft.title}’ <span className="subtle">({kindLabel(draft.kind).toLowerCase()}, {new Date(draft.savedAt).toLocaleString()})</span>
            </span>{' '}
            <button
              type="button"
              className="draft-discard-link"
              data-testid="drafts-banner-open"
              onClick={() => {
                requestOpen(draft.kind, draft.id)
                location.hash = `#/${placeOf(draft.kind) ?? ''}`
                drop(key)
              }}
            >
              Open
            </button>{' '}
            <button
              type="button"
              className="draft-discard-link"
              data-testid="drafts-banner-discard"
              onClick={() => {
                drafts.remove(key)
                drop(key)
              }}
            >
              Discard
            </button>
          </li>
        ))}
        {list.length > shown.length && <li className="subtle">and {list.length - shown.length} more, offered when you open them</li>}
      </ul>
      <button type="button" className="btn btn-ghost btn-sm drafts-close" aria-label="Hide" onClick={() => setList([])}>
        ✕
      </button>
    </div>
  )
}
