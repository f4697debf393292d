import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { writeDemo } from '../../../src/main/backend/demo/writeDemo'
import { writePptx } from '../../../src/main/backend/deck/writePptx'
import { deckService } from '../../../src/main/backend/services/deckService'
import { tempBackend } from '../helpers/tempWorkspace'
import { hasLibreOffice, layoutProblems, renderWithLibreOffice } from './layoutCheck'

const present = hasLibreOffice()
if (!present) console.warn('deck layout test skipped: LibreOffice (soffice) or pdftotext is not installed — apt-get install --no-install-recommends libreoffice-impress poppler-utils')

let b: Backend
let dir: string
let cleanup: () => void
beforeAll(async () => {
  ;({ b, dir, cleanup } = await tempBackend(() => Date.parse('2026-10-02T09:00:00Z')))
  writeDemo(b, { today: '2026-10-02' })
})
afterAll(() => cleanup())

// The PPTX opened in another viewer (LibreOffice Impress, converted to PDF): every word stays inside
// the page and inside the box its slide gave it (no clipped axis title, no wrapped table row pushed
// out of its block), and no two words are drawn over each other (no overlapping labels).
describe.skipIf(!present)('the demo deck in LibreOffice Impress (skipped without LibreOffice: apt-get install libreoffice-impress)', () => {
  for (const q of ['2026-Q3', '2026-Q4']) {
    it(`${q}: every word inside the page and its box, none overlapping`, { timeout: 300_000 }, async () => {
      const out = join(dir, q)
      mkdirSync(out)
      const model = deckService.model(b, q)
      const file = join(out, 'deck.pptx')
      await writePptx(model, file)
      const rendered = renderWithLibreOffice(file, join(dir, 'lo-profile'))
      expect(rendered.words.length).toBeGreaterThan(500)
      expect(layoutProblems(model, rendered)).toEqual([])
    })
  }
})
