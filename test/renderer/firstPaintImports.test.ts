import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

/**
 * The modules a screen loads before it can draw: its static imports, followed through every file
 * (type-only imports and `import()` left out, as the bundler leaves them out of the chunk graph).
 * Returns each file with the chain that brought it in.
 */
function staticGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  const queue: [string, string[]][] = [[resolve(root, entry), []]]
  while (queue.length > 0) {
    const [file, chain] = queue.shift() ?? ['', []]
    if (seen.has(file)) continue
    seen.set(file, chain)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^\s*(import|export)\s+([^'";]*?)\s*from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      const what = m[2] ?? ''
      const spec = m[3] ?? m[4] ?? ''
      if (/^type\b/.test(what)) continue
      const names = /^\{([^}]*)\}$/.exec(what)?.[1]
      if (names !== undefined && names.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue
      const next = [...chain, relative(root, file)]
      if (!spec.startsWith('.')) {
        seen.set(`package:${spec}`, next)
        continue
      }
      const base = resolve(dirname(file), spec)
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((c) => /\.tsx?$/.test(c) && existsSync(c))
      if (found !== undefined) queue.push([found, next])
    }
  }
  return seen
}

// Issue #17 (cold start to an interactive calendar ≤ 1.5 s): zod and the record schemas are a 165 kB
// chunk the calendar's first paint does not need; forms load them when they open.
describe('what the calendar loads before its first paint', () => {
  for (const entry of ['src/renderer/src/main.tsx', 'src/renderer/src/features/calendar/CalendarScreen.tsx']) {
    it(`${entry} reaches neither zod nor the record schemas`, () => {
      const graph = staticGraph(entry)
      expect(graph.size).toBeGreaterThan(10)
      const offending = [...graph].filter(([f]) => f === 'package:zod' || f.endsWith('core/domain/recordKinds.ts')).map(([f, chain]) => `${f} ← ${chain.toReversed().join(' ← ')}`)
      expect(offending).toEqual([])
    })
  }
})
