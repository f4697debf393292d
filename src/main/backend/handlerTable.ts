import type { ApiInput, ApiOutput, Method } from '../../core/api/contract'
import type { Backend } from './backend'

/**
 * The handler types, apart from the table itself: the feature areas' handler files (services/*Handlers)
 * type their entries with these, and `handlers.ts` spreads those files, so keeping the types here
 * leaves the import graph without a cycle.
 */
export type Handler<M extends Method> = (b: Backend, input: ApiOutput<M> extends never ? never : ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>
export type HandlerTable = { [M in Method]: Handler<M> }
