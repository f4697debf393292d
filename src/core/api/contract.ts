import { z } from 'zod'
import { recordKinds } from '../domain/recordKinds'
import { crudMethods } from './crudMethods'
import type { EditConflict } from './editBase'
import { adviceMethods } from './methods/adviceMethods'
import { calendarMethods } from './methods/calendarMethods'
import { linkMethods } from './methods/linkMethods'
import { deckMethods, deckProgressEvent } from './methods/deckMethods'
import { deskStatsMethods } from './methods/deskStatsMethods'
import { deskMethods } from './methods/deskMethods'
import { scoringMethods } from './methods/scoringMethods'
import { sharingMethods } from './methods/sharingMethods'
import { modelMethods } from './methods/modelMethods'
import { peopleMethods } from './methods/peopleMethods'
import { syncChangedEvent, syncMethods } from './methods/syncMethods'
import { transferMethods } from './methods/transferMethods'
import { restoreMethods } from './methods/restoreMethods'
import { workspaceMethods } from './methods/workspaceMethods'

/**
 * The one contract between the renderer and the backend. IPC, the loopback HTTP host and the CLI all
 * dispatch through it: method name → zod input and output schemas. Feature areas add their methods
 * in `methods/<area>Methods.ts` and spread them here.
 */
export const contract = {
  ...crudMethods(recordKinds.member),
  ...crudMethods(recordKinds.goal),
  ...crudMethods(recordKinds.measurement),
  ...crudMethods(recordKinds.channel),
  ...crudMethods(recordKinds.campaign),
  ...crudMethods(recordKinds.content),
  ...crudMethods(recordKinds.influencer),
  ...crudMethods(recordKinds.conversation),
  ...crudMethods(recordKinds.pin),
  ...crudMethods(recordKinds.scoreSnapshot),
  ...scoringMethods,
  ...modelMethods,
  ...workspaceMethods,
  ...deckMethods,
  ...calendarMethods,
  ...syncMethods,
  ...transferMethods,
  ...restoreMethods,
  ...adviceMethods,
  ...sharingMethods,
  ...peopleMethods,
  ...deskStatsMethods,
  ...deskMethods,
  ...linkMethods
}

/** Push events from the backend to every open window. */
export const events = {
  'data-changed': z.object({ tx: z.string(), kinds: z.array(z.string()), ids: z.array(z.string()) }),
  'deck-progress': deckProgressEvent,
  'sync-changed': syncChangedEvent
}

export type Contract = typeof contract
export type Method = keyof Contract
export type ApiInput<M extends Method> = z.input<Contract[M]['input']>
export type ApiOutput<M extends Method> = z.output<Contract[M]['output']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** The error every transport returns: a person-readable message and field-level issues. */
export type ApiErrorBody = {
  code: ApiErrorCode
  message: string
  issues: { path: (string | number)[]; message: string }[]
  /** With code 'conflict' from an update that carried a `base`: what changed elsewhere (editBase.ts). */
  conflict?: EditConflict
}
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unknown_method'
  | 'conflict'
  | 'rule_violation'
  | 'unauthorized'
  | 'forbidden'
  | 'workspace_error'
  | 'internal'

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name)
}
