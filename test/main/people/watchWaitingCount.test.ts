import { afterEach, describe, expect, it } from 'vitest'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { dispatch } from '../../../src/main/backend/dispatch'
import { myWork } from '../../../src/main/backend/people/myWork'
import { watchWaitingCount } from '../../../src/main/backend/people/watchWaitingCount'
import { waitingOnMe } from '../../../src/core/people/waitingOnMe'
import { tempBackend } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the desktop badge (watchWaitingCount)', () => {
  it('shows My work’s count at once and again after a change, once per burst', async () => {
    const t = await tempBackend()
    cleanups.push(t.cleanup)
    writeDemo(t.b)
    const shown: number[] = []
    const stop = watchWaitingCount(t.b, (k) => shown.push(k))
    const mine = myWork(t.b, {})
    const start = waitingOnMe(mine)
    expect(start).toBeGreaterThan(0)
    expect(shown).toEqual([start])
    const task = mine.tasks[0]
    if (!task) throw new Error('the demo owner has no task to finish')
    const r = await dispatch(t.b, 'task-delete', { id: task.id })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    await tick()
    expect(shown).toEqual([start, start - 1])
    // An unrelated change that leaves the count alone shows nothing new.
    const ch = t.b.db.raw.prepare('SELECT id FROM channel WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string
    await dispatch(t.b, 'channel-update', { id: ch, notes: 'badge test' })
    await tick()
    expect(shown).toEqual([start, start - 1])
    stop()
  })
})
