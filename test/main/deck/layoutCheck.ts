import { execFileSync } from 'node:child_process'
import { basename, dirname, join } from 'node:path'
import { deckLayout, type Box } from '../../../src/core/deck/deckLayout'
import type { DeckModel } from '../../../src/core/deck/deckModel'

export type Word = { page: number; x0: number; y0: number; x1: number; y1: number; text: string }

const PT = 72

/** True when `soffice` (LibreOffice) is installed; the layout test skips with a reason otherwise. */
export function hasLibreOffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice && command -v pdftotext'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * Converts a PPTX to PDF with LibreOffice Impress (its own profile folder, so parallel runs never share
 * one) and reads every word's box with `pdftotext -bbox`, in points from the page's top-left corner.
 */
export function renderWithLibreOffice(pptx: string, profile: string): { words: Word[]; pages: number; width: number; height: number } {
  const out = dirname(pptx)
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, pptx], { stdio: 'ignore', timeout: 180_000 })
  const pdf = join(out, basename(pptx).replace(/\.pptx$/, '.pdf'))
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString()
  const words: Word[] = []
  let page = -1
  let width = 0
  let height = 0
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line)
    if (p !== null) {
      page += 1
      width = Number(p[1])
      height = Number(p[2])
      continue
    }
    const w = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(line)
    if (w !== null) words.push({ page, x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: decode(w[5] ?? '') })
  }
  return { words, pages: page + 1, width, height }
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/**
 * Every problem a viewer would see: a word outside the page, a word outside every box the layout gave
 * its slide (a clipped axis title, a table row that wrapped and grew out of its block, text spilling
 * out of its shape), and two words drawn over each other (overlapping labels).
 */
export function layoutProblems(model: DeckModel, r: { words: Word[]; pages: number; width: number; height: number }): string[] {
  const problems: string[] = []
  if (r.pages !== model.slides.length) problems.push(`${r.pages} pages for ${model.slides.length} slides`)
  const slack = 2
  for (const s of model.slides) {
    const L = deckLayout(s)
    const boxes: Box[] = [L.title, L.subtitle, L.footer, L.number, ...(L.empty === null ? [] : [L.empty]), ...L.blocks.map((b) => b.box)]
    const pts = boxes.map((b) => ({ x0: b.x * PT - slack, y0: b.y * PT - slack, x1: (b.x + b.w) * PT + slack, y1: (b.y + b.h) * PT + slack }))
    const words = r.words.filter((w) => w.page === s.number - 1)
    for (const w of words) {
      const where = `slide ${s.number} (${s.key}) "${w.text}" at ${Math.round(w.x0)},${Math.round(w.y0)}–${Math.round(w.x1)},${Math.round(w.y1)}`
      if (w.x0 < 0 || w.y0 < 0 || w.x1 > r.width || w.y1 > r.height) problems.push(`${where}: outside the page`)
      else if (!pts.some((b) => w.x0 >= b.x0 && w.y0 >= b.y0 && w.x1 <= b.x1 && w.y1 <= b.y1)) problems.push(`${where}: outside every box of the slide`)
    }
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i]
        const c = words[j]
        if (a === undefined || c === undefined) continue
        const ix = Math.min(a.x1, c.x1) - Math.max(a.x0, c.x0)
        const iy = Math.min(a.y1, c.y1) - Math.max(a.y0, c.y0)
        if (ix <= 0 || iy <= 0) continue
        const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (c.x1 - c.x0) * (c.y1 - c.y0))
        if (ix * iy > 0.25 * smaller) problems.push(`slide ${s.number} (${s.key}): "${a.text}" and "${c.text}" overlap`)
      }
    }
  }
  return problems
}
