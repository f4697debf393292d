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

export function createBackend(ws: Workspace, settings: SettingsPort, secrets: SecretPort, now: () => number = Date.now): Backend {
  const events = eventHub()
  const ulid = monotonicFactory()
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
