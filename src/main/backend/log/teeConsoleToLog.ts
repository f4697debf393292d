import { format } from 'node:util'
import type { AppLog } from './appLog'

/**
 * Every warning and error a host prints (console.warn / console.error, which is where the backend,
 * the sync scheduler and the updater already report) also goes to the app log, and so do crashes
 * that would otherwise leave no trace. The console still gets every line. Returns an undo for tests.
 */
export function teeConsoleToLog(log: AppLog): () => void {
  const { warn, error } = console
  console.warn = (...args: unknown[]) => {
    log.write('warn', format(...args))
    warn.apply(console, args)
  }
  console.error = (...args: unknown[]) => {
    log.write('error', format(...args))
    error.apply(console, args)
  }
  const onCrash = (e: unknown) => log.write('error', `uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  // The monitor only watches: Node still ends the process as it would have (a rejection nobody
  // handles arrives here too, as an uncaught exception).
  process.on('uncaughtExceptionMonitor', onCrash)
  return () => {
    console.warn = warn
    console.error = error
    process.off('uncaughtExceptionMonitor', onCrash)
  }
}
