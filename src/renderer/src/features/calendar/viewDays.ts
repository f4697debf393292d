// The view's days are computed in core: the browser host's boot answer (core/api/bootCalls.ts) asks
// the server for the same range the calendar will ask for.
export { stepCursor, viewDays } from '../../../../core/calendar/viewDays'
