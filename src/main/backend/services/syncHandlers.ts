import type { HandlerTable } from '../handlerTable'
import { syncReviewList, syncReviewResolve } from './syncReview'
import { schedulerOf } from './syncScheduler'
import { syncJoinRequests } from './syncJoinRequests'
import { syncAdmit, syncNow, syncSetDeviceName, syncSetup, syncStartSigning, syncStatus, syncUnlock } from './syncService'

/** Team sync's methods: handlers.ts spreads this table into the one every host dispatches into. */
export const syncHandlers: Partial<HandlerTable> = {
  'sync-status': (b) => syncStatus(b),
  'sync-now': (b, input) => syncNow(b, { forceSnapshot: input.snapshot === true }),
  'sync-setup': (b, i) => {
    const status = syncSetup(b, i)
    schedulerOf(b)?.kick()
    return status
  },
  'sync-sign': (b) => syncStartSigning(b),
  'sync-admit': (b, i) => syncAdmit(b, i.key, i.role),
  'sync-join-requests': (b) => syncJoinRequests(b),
  'sync-device-name': (b, i) => syncSetDeviceName(b, i.name),
  'sync-unlock': (b, i) => syncUnlock(b, i.passphrase),
  'sync-review-list': (b) => syncReviewList(b),
  'sync-review-resolve': (b, i) => {
    const out = syncReviewResolve(b, i)
    schedulerOf(b)?.kick()
    return out
  }
}
