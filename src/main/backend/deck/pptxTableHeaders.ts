import JSZip from 'jszip'
import { deckLayout } from '../../../core/deck/deckLayout'
import type { DeckModel } from '../../../core/deck/deckModel'

/**
 * pptxgenjs writes every table with an empty `<a:tblPr/>` and a nameless frame, so PowerPoint's
 * accessibility checker reports "Missing table header" and a screen reader announces the header
 * labels as data. This marks each table's first row as its header row and gives its frame a
 * description (the table's title), in the slide's own order of tables. A table count that does not
 * match the model means pptxgenjs changed its output: fail loudly rather than label the wrong table.
 */
export async function markTableHeaders(bytes: Uint8Array, model: DeckModel): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  for (const s of model.slides) {
    const titles = deckLayout(s).blocks.flatMap((p) => (p.block.kind === 'table' ? [p.block.title] : []))
    if (titles.length === 0) continue
    const name = `ppt/slides/slide${s.number}.xml`
    const part = zip.file(name)
    if (part === null) throw new Error(`The PowerPoint file has no ${name}`)
    const xml = await part.async('string')
    let n = 0
    const out = xml.replace(/(<p:cNvPr id="\d+" name="Table \d+")\/>([\s\S]*?)<a:tblPr\/>/g, (_m, frame: string, between: string) => {
      const title = titles[n] ?? ''
      n += 1
      return `${frame} descr="${escapeXml(`Table: ${title}`)}"/>${between}<a:tblPr firstRow="1"/>`
    })
    if (n !== titles.length) throw new Error(`Slide ${s.number} has ${n} tables in the PowerPoint file but ${titles.length} in the deck`)
    zip.file(name, out)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
