import { describe, expect, it } from 'vitest'
import { buildDeckModel } from '../../../src/core/deck/buildDeckModel'
import { deckLayout, fitTable } from '../../../src/core/deck/deckLayout'
import { deckFixture } from './deckFixture'

describe('deck tables', () => {
  it('print every column heading whole: a cell may be shortened with "…", a heading may not ("vs targ…", "Cadence ke…")', () => {
    const cut: string[] = []
    for (const s of buildDeckModel(deckFixture()).slides)
      for (const placed of deckLayout(s).blocks) {
        if (placed.block.kind !== 'table') continue
        const labels = fitTable(placed.block, placed.box.w).labels
        placed.block.columns.forEach((c, i) => {
          if (labels[i] !== c.label) cut.push(`${s.key}: "${c.label}" → "${labels[i] ?? ''}"`)
        })
      }
    expect(cut).toEqual([])
  })
})
