import { startEarlyMonth } from './features/calendar/earlyMonth'
import { defaultScreen } from './shell/screens'

// Apply the remembered theme before React renders, so a dark-mode user never sees a white flash.
const stored = localStorage.getItem('smo.theme')
const dark = stored === 'dark' || (stored !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
document.documentElement.dataset.theme = dark ? 'dark' : 'light'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

/**
 * This entry is kept small (no React, no screens): it asks for the calendar's first view and loads React, the shell and the
 * screen side by side, so the server works on the month while the browser parses them (issue #17:
 * cold start to an interactive calendar ≤ 1.5 s; the request used to wait for all of that).
 */
const screen = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] || defaultScreen
if (screen === 'calendar') {
  // Part of this entry (its scripts come with the page's first ones), so the request leaves before the
  // browser starts on the ~20 files of the shell and the screen, which share its six connections.
  startEarlyMonth()
  // The screen's chunk too, rather than once the shell has rendered and asks for it (App's lazy loader
  // then finds it loaded).
  void import('./features/calendar/CalendarScreen').catch(() => undefined)
}
import('./renderApp').then(
  (m) => m.renderApp(root),
  (e: unknown) => {
    root.textContent = `SMO Desk could not load its screens (${e instanceof Error ? e.message : String(e)}). Reload the page.`
  }
)
