/** Each a few milliseconds to ~40 ms of evaluation on the demo machine. */
const loadSteps: (() => Promise<unknown>)[] = [
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
  () => import('../../core/api/contract'),
  () => import('../backend/services/recordService'),
  () => import('../backend/services/calendarHandlers'),
  () => import('../backend/people/peopleHandlers'),
  () => import('../backend/services/sharingHandlers'),
  () => import('../backend/services/syncHandlers'),
  () => import('../backend/services/transferHandlers'),
  () => import('../backend/services/deskHandlers'),
  () => import('../backend/services/deckHandlers'),
  () => import('../backend/services/scoringHandlers'),
  () => import('../backend/links/linkHandlers'),
  () => import('../backend/handlers')
]

/**
 * The handler table, imported in small steps, each evaluated in its own turn of the event loop: the
 * server loads it right after Ready, just when the browser asks for the page and its scripts, and a
 * request arriving meanwhile waits only for the step under way (≤ ~40 ms), not for the whole table
 * (~300 ms; issue #17, cold start to an interactive calendar). The list is only an order: the
 * contract's method files, then the feature areas the calendar asks first; whatever it leaves out
 * comes with the last steps (the contract, the table), so a new area needs no entry here.
 */
export async function loadDispatchInSteps(): Promise<typeof import('../backend/dispatch')> {
  for (const step of loadSteps) {
    await step()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return import('../backend/dispatch')
}
