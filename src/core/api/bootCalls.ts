import { viewDays, type ViewMode } from '../calendar/viewDays'
import type { Method } from './contract'

/**
 * The browser host's boot answer (issue #17, cold start): the page's tiny boot script names its route,
 * today's date and language as soon as the HTML is parsed, and the server answers, in one streamed
 * response, the calls that screen and the shell are about to make — while the browser is still
 * loading and running the app's scripts. The renderer's api client then answers those first calls
 * from it instead of queueing them behind each other (renderer/src/api/bootAnswers.ts).
 *
 * The inputs here must be exactly the ones the components ask with; a call whose input differs simply
 * goes to the server as before (slower, never wrong). test/e2e/bootAnswers.spec.ts checks that the
 * calendar's first render asks the server nothing this list should have answered.
 */
export type BootCall = { method: Method; input: unknown }

/** The same key for the same input whatever order its fields were written in. */
export function bootKey(method: string, input: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon)
    if (v === null || typeof v !== 'object') return v
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canon(x)])
    )
  }
  return `${method} ${JSON.stringify(canon(input ?? {}))}`
}

/** What the shell asks on every screen (Nav, the sync badge, the theme); me and settings come first. */
export const shellCalls: BootCall[] = [
  { method: 'me-get', input: {} },
  { method: 'settings-get', input: {} },
  { method: 'workspace-info', input: {} },
  { method: 'sync-status', input: {} }
]

/**
 * Every method a boot answer may hold. A call to any other method that may write ends the boot (see
 * onlyReads): from then on every call goes to the server (renderer/src/api/bootAnswers.ts).
 */
export const bootMethods: ReadonlySet<string> = new Set<Method>([
  ...shellCalls.map((c) => c.method),
  'calendar-month', 'calendar-backlog', 'task-range', 'channel-list', 'member-list', 'campaign-list', 'goal-list', 'saved-view-list',
  'history-state', 'mine-get'
])

/**
 * A call that only reads by its name (`notification-list`, `notification-prefs-get`): one the boot does
 * not hold goes to the server without ending the boot. Anything else may write, and a write makes the
 * boot's answers stale, so it ends the boot. On a loaded machine the bell's `notification-list` could
 * come before the shell took its answers, and sent the whole first screen to the server again.
 */
export function onlyReads(method: string): boolean {
  return /-(list|get)$/.test(method)
}

// Every record of a kind, as useRecords asks (renderer/src/api/useRecords.ts, maxPage).
const everyRecord = { limit: 50_000 }

type Planner = { mode: ViewMode; cursor: string | null; dateField: string; filter: unknown }
// The planner's state before the saved one is read (renderer features/calendar/usePlannerState.ts).
const initialPlanner: Planner = { mode: 'month', cursor: null, dateField: 'planned', filter: {} }

function plannerOf(saved: unknown): Planner {
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return initialPlanner
  const s = { ...initialPlanner, ...(saved as Partial<Planner>) }
  const mode: ViewMode = s.mode === 'week' || s.mode === 'agenda' ? s.mode : 'month'
  return { mode, cursor: typeof s.cursor === 'string' ? s.cursor : null, dateField: s.dateField, filter: s.filter ?? {} }
}

function calendarCalls(p: Planner, today: string, weekStart: number): BootCall[] {
  const days = viewDays(p.mode, p.cursor ?? today, weekStart)
  const from = days[0] ?? today
  const to = days[days.length - 1] ?? today
  return [
    { method: 'calendar-month', input: { from, to, dateField: p.dateField, filter: p.filter, weekStart } },
    { method: 'calendar-backlog', input: { filter: p.filter } },
    { method: 'task-range', input: { from, to } }
  ]
}

/**
 * The screen's calls after the shell's, most needed first (the calendar's days before its name
 * lists). `savedPlanner` is settings `ui.planner`; `hasMe` says whether a member is acting (the
 * shell then asks for "my work" too).
 */
export function bootCalls(o: { route: string; today: string; weekStart: number; savedPlanner: unknown; hasMe: boolean }): BootCall[] {
  const calls: BootCall[] = []
  if (o.route === 'calendar') {
    // The saved view is what ends up on screen; the initial one is asked first, before settings arrive.
    const saved = plannerOf(o.savedPlanner)
    calls.push(...calendarCalls(saved, o.today, o.weekStart), ...calendarCalls(initialPlanner, o.today, o.weekStart))
    const lists = ['channel-list', 'member-list', 'campaign-list', 'goal-list', 'saved-view-list'] satisfies Method[]
    for (const method of lists) calls.push({ method, input: everyRecord })
    calls.push({ method: 'history-state', input: {} })
  }
  // No route is the default screen, My work.
  if (o.hasMe || o.route === 'mine' || o.route === '') calls.push({ method: 'mine-get', input: {} })
  const seen = new Set(shellCalls.map((c) => bootKey(c.method, c.input)))
  return calls.filter((c) => {
    const k = bootKey(c.method, c.input)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * How long the browser host's page keeps the boot answers it has not used yet (renderer/api/bootAnswers.ts).
 * Work the backend starts by itself after opening (the desk's first escalation scan) waits longer, so its
 * changes cannot void the first screen's answers.
 */
export const BOOT_ANSWER_LIFETIME_MS = 10_000
