import type { Method } from '../../core/api/contract'
import { methodRoles } from '../../core/api/methodRoles'
import type { Backend } from '../backend/backend'
import type { Dispatch } from '../backend/dispatchWith'

type Loose = (b: Backend, input: unknown) => unknown
type Area = Record<string, unknown>

/**
 * The feature areas' handler files, in the order the calendar's first calls need them. Areas are
 * disjoint and take precedence over the generated record methods in the table (handlers.ts), so a
 * method an area defines is answered by that area's handler either way. The first `RULE_AREAS`
 * register the mutation rules at import (calendar, task, desk and scoring rules): no call is answered
 * before all of them are in. test/main/web/loadDispatchInSteps.test.ts holds the table and the
 * handler files to both. Areas not listed come with the table itself.
 */
export const areaSteps: { file: string; load: () => Promise<Area> }[] = [
  { file: 'services/calendarHandlers', load: () => import('../backend/services/calendarHandlers').then((m) => m.calendarHandlers) },
  { file: 'services/sharingHandlers', load: () => import('../backend/services/sharingHandlers').then((m) => m.sharingHandlers) },
  { file: 'services/deskHandlers', load: () => import('../backend/services/deskHandlers').then((m) => m.deskHandlers) },
  { file: 'services/scoringHandlers', load: () => import('../backend/services/scoringHandlers').then((m) => m.scoringHandlers) },
  { file: 'people/peopleHandlers', load: () => import('../backend/people/peopleHandlers').then((m) => m.peopleHandlers) },
  { file: 'services/syncHandlers', load: () => import('../backend/services/syncHandlers').then((m) => m.syncHandlers) },
  { file: 'links/linkHandlers', load: () => import('../backend/links/linkHandlers').then((m) => m.linkHandlers) },
  { file: 'services/transferHandlers', load: () => import('../backend/services/transferHandlers').then((m) => m.transferHandlers) },
  { file: 'services/deckHandlers', load: () => import('../backend/services/deckHandlers').then((m) => m.deckHandlers) }
]
export const RULE_AREAS = 4

/**
 * Which calls may be answered before the whole table is in: reading ones (the least role is viewer;
 * per-machine marks like notifications read are the only writes among them). Any other write waits
 * for the whole table, so it always meets every rule and handler the table has.
 */
export function answerableEarly(method: string): boolean {
  return Object.hasOwn(methodRoles, method) && methodRoles[method as Method].role === 'viewer'
}

/** The contract's schemas, a few milliseconds to ~25 ms each on the demo machine. */
const contractSteps: (() => Promise<unknown>)[] = [
  () => import('../../core/domain/recordKinds'),
  () => import('../../core/api/methods/workspaceMethods'),
  () => import('../../core/api/methods/calendarMethods'),
  () => import('../../core/api/methods/sharingMethods'),
  () => import('../../core/api/methods/peopleMethods'),
  () => import('../../core/api/methods/syncMethods'),
  () => import('../../core/api/methods/transferMethods'),
  () => import('../../core/api/methods/deskMethods'),
  () => import('../../core/api/methods/deckMethods'),
  () => import('../../core/api/methods/scoringMethods'),
  () => import('../../core/api/methods/modelMethods'),
  () => import('../../core/api/methods/linkMethods'),
  () => import('../../core/api/contract')
]

const turn = () => new Promise((resolve) => setImmediate(resolve))

export type StepLoader = { done: Promise<void>; dispatchFor: (method: string) => Promise<Dispatch> }

/**
 * The handler table, imported in small steps, each evaluated in its own turn of the event loop: the
 * server loads it right after Ready, just when the browser asks for the page and its scripts, and a
 * request arriving meanwhile waits only for the step under way (≤ ~40 ms), not for the whole table
 * (~300 ms; issue #17, cold start to an interactive calendar). A reading call is answered as soon as
 * the contract, the rule areas and its method's area are in (the calendar's month after about half
 * the steps); writes, the generated record methods and anything unlisted wait for the whole table.
 */
export function loadDispatchInSteps(): StepLoader {
  const partial = new Map<string, Loose>()
  let early: Dispatch | null = null
  let full: Dispatch | null = null
  let failed: { error: unknown } | null = null
  let stepped: () => void = () => undefined
  let nextStep = new Promise<void>((resolve) => (stepped = resolve))
  const advance = () => {
    const wake = stepped
    nextStep = new Promise<void>((resolve) => (stepped = resolve))
    wake()
  }
  const done = (async () => {
    try {
      for (const step of contractSteps) {
        await step()
        await turn()
      }
      const { dispatchWith } = await import('../backend/dispatchWith')
      for (const [i, area] of areaSteps.entries()) {
        for (const [method, handler] of Object.entries(await area.load())) partial.set(method, handler as Loose)
        if (i + 1 === RULE_AREAS) early = dispatchWith((m) => partial.get(m))
        advance()
        await turn()
      }
      full = (await import('../backend/dispatch')).dispatch
    } catch (error) {
      failed = { error }
      throw error
    } finally {
      // Calls waiting for a step look again: they find the table, or the load's error.
      advance()
    }
  })()
  return {
    done,
    async dispatchFor(method) {
      for (;;) {
        if (full) return full
        if (early && partial.has(method) && answerableEarly(method)) return early
        if (failed) throw failed.error
        await nextStep
      }
    }
  }
}
