import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../src/core/deck/buildDeckModel'
import { glossary } from '../../src/renderer/src/components/glossary'
import { deckFixture } from '../core/deck/deckFixture'

const doc = readFileSync('docs/GLOSSARY.md', 'utf8')
/** `| **Term** | Sentence. |` rows of docs/GLOSSARY.md. */
const rows = new Map([...doc.matchAll(/^\| \*\*(.+?)\*\* \| (.+?) \|$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']))

describe('the glossary', () => {
  it('docs/GLOSSARY.md defines every term the app explains on hover, with the same sentence', () => {
    for (const g of Object.values(glossary)) {
      expect(rows.get(g.term), `${g.term} is missing from docs/GLOSSARY.md`).toBeDefined()
      expect(rows.get(g.term)).toBe(`${g.meaning.charAt(0).toUpperCase()}${g.meaning.slice(1)}.`)
    }
    expect(rows.size).toBe(Object.keys(glossary).length)
  })

  it('every <Term> in the app names a glossary entry', () => {
    const used = new Set<string>()
    const files = readdirSync('src/renderer/src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'))
    for (const f of files) for (const m of readFileSync(join('src/renderer/src', f), 'utf8').matchAll(/<Term id="(\w+)"/g)) used.add(m[1] ?? '')
    expect([...used].filter((id) => !(id in glossary))).toEqual([])
    expect(used.has('pin')).toBe(true)
  })

  it('the quarterly deck speaks plainly: no "engine", no raw decision kinds, no null/undefined/NaN', () => {
    const m = buildDeckModel(deckFixture())
    // Every string the deck prints (titles, cells, lines, notes), not the model's own null fields.
    const strings: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(m.slides)
    expect(strings.filter((t) => /\bengines?\b/i.test(t))).toEqual([])
    expect(strings.filter((t) => /\b(null|undefined|NaN)\b/.test(t))).toEqual([])
    const hours = m.slides.find((s) => s.key === 'hours')
    const table = hours?.blocks.find((b) => b.kind === 'table')
    const decisions = table !== undefined && 'rows' in table ? table.rows.map((r) => r.at(-1)) : []
    // Verdicts in words (the team's decisions say so), never the stored kinds pin / exclude / override.
    expect(decisions).toEqual(['Grow (team decision)', 'Trim'])
  })
})
