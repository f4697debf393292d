import { afterEach, beforeEach } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { registerCalendarRules } from '../../../src/main/backend/services/calendarRules'
import { scoringRules } from '../../../src/main/backend/services/scoringRules'
import { tempBackend } from './tempWorkspace'

/**
 * A fresh demo workspace in a temp folder for every test of the file, with the rules the hosts register,
 * removed after each test. `t.b` and `t.dir` are the current test's.
 */
export function demoBackendPerTest(): { readonly b: Backend; readonly dir: string } {
  let current: Awaited<ReturnType<typeof tempBackend>> | undefined
  beforeEach(async () => {
    registerCalendarRules()
    scoringRules()
    current = await tempBackend()
    writeDemo(current.b)
  })
  afterEach(() => current?.cleanup())
  const now = () => {
    if (current === undefined) throw new Error('the demo workspace exists only inside a test')
    return current
  }
  return {
    get b() {
      return now().b
    },
    get dir() {
      return now().dir
    }
  }
}
