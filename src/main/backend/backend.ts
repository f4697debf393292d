import { monotonicFactory } from 'ulid'
import type { Db } from './db/db'
import { eventHub, type EventHub } from './eventHub'
import { createMutator, type Mutator } from './mutate'
import type { Workspace } from './openWorkspace'
import type { SecretPort } from './settings/secretPort'
import type { SettingsPort } from './settings/settingsPort'

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
  const mutate = createMutator(ws.db, ws.deviceId, now, (e) => events.emit('data-changed', e))
  return {
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
}
