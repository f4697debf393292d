import type { ListQuery } from '../../core/api/listQuery'
import { kindMethod } from '../../core/api/kindMethod'
import { kindNames } from '../../core/domain/recordKinds'
import type { Backend } from './backend'
import { adviceHandlers } from './services/adviceHandlers'
import { calendarHandlers } from './services/calendarHandlers'
import { deckHandlers } from './services/deckHandlers'
import { deskStatsHandlers } from './services/deskStatsHandlers'
import { deskHandlers } from './services/deskHandlers'
import { recordService } from './services/recordService'
import { scoringHandlers } from './services/scoringHandlers'
import { sharingHandlers } from './services/sharingHandlers'
import { syncHandlers } from './services/syncHandlers'
import { transferHandlers } from './services/transferHandlers'
import { saveWorkspaceProfile, workspaceProfileOf } from './services/workspaceProfileService'
import { workspaceService } from './services/workspaceService'
import type { HandlerTable } from './handlerTable'
import { peopleHandlers } from './people/peopleHandlers'
import { linkHandlers } from './links/linkHandlers'

export type { Handler, HandlerTable } from './handlerTable'
type Loose = (b: Backend, input: unknown) => unknown

/**
 * The method table every host dispatches into. CRUD handlers are generated per record kind; feature
 * areas add theirs to `extraHandlers`. Typed per method where written by hand; the generated ones are
 * checked by the contract test (every method has a handler whose output parses).
 */
const generated: Record<string, Loose> = {}
for (const kind of kindNames) {
  generated[kindMethod(kind, 'list')] = (b, i) => recordService.list(b, kind, i as ListQuery)
  generated[kindMethod(kind, 'get')] = (b, i) => recordService.get(b, kind, (i as { id: string }).id)
  generated[kindMethod(kind, 'create')] = (b, i) => recordService.create(b, kind, i as Record<string, unknown>)
  generated[kindMethod(kind, 'update')] = (b, i) => recordService.update(b, kind, i as Record<string, unknown>)
  generated[kindMethod(kind, 'delete')] = (b, i) => recordService.delete(b, kind, (i as { id: string }).id)
}

const written: Partial<HandlerTable> = {
  'workspace-info': (b) => workspaceService.info(b),
  'workspace-check': (b) => workspaceService.check(b),
  'settings-get': (b) => b.settings.get(),
  'settings-update': (b, i) => b.settings.update(i),
  'settings-ui-set': (b, i) => b.settings.update({ ui: { ...b.settings.get().ui, [i.key]: i.value } }),
  'change-list': (b, i) => workspaceService.changes(b, i),
  'workspace-profile-get': (b) => workspaceProfileOf(b),
  'workspace-profile-save': (b, i) => saveWorkspaceProfile(b, i)
}

export const handlers: Record<string, Loose> = { ...generated, ...(written as Record<string, Loose>), ...(scoringHandlers as Record<string, Loose>), ...(deckHandlers as Record<string, Loose>), ...(calendarHandlers as Record<string, Loose>), ...(syncHandlers as Record<string, Loose>), ...(transferHandlers as Record<string, Loose>), ...(adviceHandlers as Record<string, Loose>), ...(sharingHandlers as Record<string, Loose>), ...(peopleHandlers as Record<string, Loose>), ...(deskStatsHandlers as Record<string, Loose>), ...(deskHandlers as Record<string, Loose>), ...(linkHandlers as Record<string, Loose>) }

/** Feature areas register their handlers at import time (see services/*). */
export function registerHandlers(extra: Partial<HandlerTable>): void {
  Object.assign(handlers, extra as Record<string, Loose>)
}
