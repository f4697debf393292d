import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'
import type { Db } from './db/db'
import { eventHub, type EventHub } from './eventHub'
import { createMutator, type Mutator } from './mutate'
import type { Workspace } from './openWorkspace'
import type { SecretPort } from './settings/secretPort'
import type { SettingsPort } from './settings/settingsPort'
import { currentMember } from './people/currentMember'

/** Everything a handler may use. Hosts build one per open workspace and pass it to `dispatch`. */
export type Backend = {
  ws: Workspace
  db: Db
  mutate: Mutator
  settings: SettingsPort
  /** Per-machine secrets (team data keys): never in the workspace database, which backups copy. */
  secrets: SecretPort
  events: EventHub
  now: () => number
  newId: () => string
  close: () => void
}

/**
 * ulid's own PRNG asks the OS for one byte per character (16 calls per id); an import of 100k rows
 * spent half a second there. The same cryptographic source, drawn 4 KB at a time.
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096)
  let at = pool.length
  return () => {
    if (at === pool.length) {
      randomFillSync(pool)
      at = 0
    }
    return (pool[at++] ?? 0) / 256
  }
}

export function createBackend(ws: Workspace, settings: SettingsPort, secrets: SecretPort, now: () => number = Date.now): Backend {
  const events = eventHub()
  const ulid = monotonicFactory(pooledRandom())
  // The member on each change is read when the change is written: `--as`, a switch of "me", the demo's owner.
  const mutate = createMutator(ws.db, ws.deviceId, now, (e) => events.emit('data-changed', e), () => currentMember(backend)?.id ?? null)
  const backend: Backend = {
    ws,
    db: ws.db,
    mutate,
    settings,
    secrets,
    events,
    now,
    newId: () => ulid(now()),
    close: () => ws.close()
  }
  return backend
}
