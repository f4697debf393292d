/**
 * Deliberately broken variants (SYNC.md §3.2 "mutation check"): each must make the model property
 * fail, or the properties have lost their teeth. Shrinking is off; the run index is printed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MemorySyncStore } from '../../../src/core/sync/memorySyncStore'
import type { FileCacheEntry } from '../../../src/core/sync/syncStore'
import type { FieldRef } from '../../../src/core/sync/syncStore'
import type { SyncFolder } from '../../../src/main/backend/sync/syncFolder'
import { runScenario, scenarioArb } from './syncModel'
import type { ModelStore, Variant } from './syncModel'

/** M1: superseded heads are never removed, so the winner is the max HLC over all ops. */
class NoCausalityStore extends MemorySyncStore {
  override removeHead(_f: FieldRef, _id: string): void {}
}
/** M5: refs are forgotten, so an ancestor arriving after its descendant becomes a head again. */
class NoRefsStore extends MemorySyncStore {
  override addRef(_f: FieldRef, _id: string): void {}
}
/** M6: a damaged or partial file is cached as complete and never re-read. */
class TrustDamagedStore extends MemorySyncStore {
  override setFileState(entry: FileCacheEntry): void {
    super.setFileState({ ...entry, state: 'done' })
  }
}

const mutants: Record<string, Variant> = {
  'M1 winner = max HLC ignoring causality': { makeStore: (d, s) => new NoCausalityStore(d, s) },
  'M2 CRC check removed': { decodeLine: (line) => (line.length > 9 ? line.slice(9) : null) },
  'M4 outbox dropped on a crashed flush': {
    flush: (store: ModelStore, folder: SyncFolder) => {
      const entries = store.unpublished()
      const first = entries[0]
      const last = entries[entries.length - 1]
      if (!first || !last) return
      store.markPublished(last.seq, 'optimistic') // marked before the file is verified
      folder.publish(store.device, first.seq, last.seq, entries.map((e) => e.text), false)
    }
  },
  'M5 refs forgotten (late ancestor resurrected)': { makeStore: (d, s) => new NoRefsStore(d, s) },
  'M6 damaged file cached as complete': { makeStore: (d, s) => new TrustDamagedStore(d, s) }
}

describe('mutant suite: the model property catches broken merges', () => {
  for (const [name, variant] of Object.entries(mutants)) {
    it(`catches ${name}`, () => {
      const details = fc.check(
        fc.property(scenarioArb, (sc) => {
          runScenario(sc, variant)
        }),
        { numRuns: 300, endOnFailure: true, seed: 42 }
      )
      console.log(`${name}: ${details.failed ? `caught at run ${details.numRuns}: ${String(details.errorInstance).slice(0, 160)}` : 'NOT caught'}`)
      expect(details.failed).toBe(true)
    })
  }
})
