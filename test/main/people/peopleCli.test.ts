import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

let t: { dir: string; cleanup: () => void }
let ws: string
const run = (...args: string[]) => runSmo(join(t.dir, 'userdata'), ...args)

beforeAll(() => {
  t = tempDir()
  ws = join(t.dir, 'demo')
  expect(run('demo', '--workspace', ws).status).toBe(0)
}, 300_000)
afterAll(() => t.cleanup())

describe('smo as a member', () => {
  it('refuses with exit 1 and the sentence naming the role; the owner sets roles; mine prints the seven keys', () => {
    const refused = run('members', '--workspace', ws, '--set-role', 'Leo Martins=owner', '--as', 'Leo Martins')
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toBe('smo members: Changing members needs the owner role; you are Leo Martins (contributor).')
    const ok = run('members', '--workspace', ws, '--set-role', 'Leo Martins=editor')
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('Leo Martins is now an editor (was contributor).')
    const mine = run('mine', '--workspace', ws, '--json', '--as', 'Tom Ellery')
    expect(mine.status, mine.stderr).toBe(0)
    expect(Object.keys(JSON.parse(mine.stdout) as object)).toEqual(['dueThisWeek', 'overdue', 'approvals', 'tasks', 'conversations', 'influencers', 'mentions'])
  }, 600_000)
})
