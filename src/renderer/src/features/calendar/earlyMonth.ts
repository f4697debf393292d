import type { ApiOutput } from '../../../../core/api/contract'
import { calendarDates } from '../../../../core/calendar/calendarDates'
import { weekStart } from '../../../../core/calendar/weekStart'
import { api } from '../../api/client'
import { monthInput, type MonthInput } from './monthInput'
import { plannerHint } from './plannerDefaults'

type Early = { key: string; answer: Promise<ApiOutput<'calendar-month'>> }
let early: Early | null = null

/**
 * Asks for the calendar's first view as the page starts, before React and the screens are parsed
 * (main.tsx): on a cold start the request used to leave only once the calendar had rendered, and then
 * queue behind the shell's own queries, while the server sat idle (issue #17: cold start ≤ 1.5 s).
 * The input is the one the screen will ask for (same helpers, the planner state from its hint); the
 * screen takes the answer only if its input is exactly this one, and only once. Any change to the
 * workspace before then drops it, so the first paint never shows data older than a write.
 */
export function startEarlyMonth(env: { now: number; zone: string; language: string; storage: Pick<Storage, 'getItem'> } = { now: Date.now(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone, language: navigator.language, storage: localStorage }): void {
  const state = plannerHint(env.storage)
  // The screen's own choices: its zone (formValues.localZone), its week start and today there.
  const input = monthInput(state, state.cursor ?? calendarDates.todayIn(env.now, env.zone), weekStart(env.language))
  const answer = api.call('calendar-month', input)
  // Unused or dropped, a failure is the screen's own request's to report.
  answer.catch(() => undefined)
  early = { key: JSON.stringify(input), answer }
  const off = api.subscribe('data-changed', () => {
    early = null
    off()
  })
}

/** The early answer for this exact input, once; otherwise null (the caller asks itself). */
export function takeEarlyMonth(input: MonthInput): Promise<ApiOutput<'calendar-month'>> | null {
  if (early === null || early.key !== JSON.stringify(input)) return null
  const { answer } = early
  early = null
  return answer
}
