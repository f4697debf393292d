import { afterEach, describe, expect, it, vi } from 'vitest'

// The help must come from the help text alone: if anything loads the database driver (every command's
// module reaches it through the backend), this mock makes that import throw.
vi.mock('better-sqlite3', () => {
  throw new Error('better-sqlite3 was loaded to print help')
})

afterEach(() => vi.restoreAllMocks())

describe('smo help without the backend', () => {
  it('smo --help and smo <command> --help print without loading any command or the database driver', async () => {
    const { main } = await import('../../../src/main/cli/main')
    const out: string[] = []
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s))
    expect(await main(['--help'])).toBe(0)
    expect(out.join('\n')).toMatch(/^ {2}score +Rank channels/m)
    expect(await main(['score', '--help'])).toBe(0)
    expect(out.at(-1)).toContain('Usage: smo score --workspace DIR')
  })
})
