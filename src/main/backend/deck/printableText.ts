// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="./fontkit.d.ts" />
import { openSync } from 'fontkit'
import type { DeckModel } from '../../../core/deck/deckModel'

/** Joiners, variation selectors and skin-tone modifiers: parts of emoji sequences, never shown alone. */
const EMOJI_PARTS = /\u200D|\uFE0E|\uFE0F|\u20E3|\p{Emoji_Modifier}/gu

/**
 * Text the embedded font can draw, for the PDF: a character the font has no glyph for (emoji, most
 * CJK) would print as an empty box, so it is left out and the words around it stay, with the spacing
 * tidied ("Great quarter 🚀!" → "Great quarter!"). The PPTX keeps every character: PowerPoint falls
 * back to the system's emoji font.
 */
export function printableText(fontFile: string): (text: string) => string {
  const font = openSync(fontFile)
  const cache = new Map<number, boolean>()
  const has = (cp: number): boolean => {
    let ok = cache.get(cp)
    if (ok === undefined) {
      ok = cp < 0x20 ? cp === 0x0a : font.hasGlyphForCodePoint(cp)
      cache.set(cp, ok)
    }
    return ok
  }
  return (text) => {
    let out = ''
    let dropped = false
    for (const ch of text.replace(EMOJI_PARTS, '')) {
      const cp = ch.codePointAt(0) ?? 0
      if (has(cp)) out += ch
      else dropped = true
    }
    return dropped ? out.replace(/[ \t]{2,}/g, ' ').replace(/ +([.,;:!?)])/g, '$1').replace(/\( +/g, '(').trim() : out
  }
}

/** The whole model with every printed string passed through `clean` (numbers of charts untouched). */
export function mapModelText(model: DeckModel, clean: (text: string) => string): DeckModel {
  return {
    ...model,
    workspaceName: clean(model.workspaceName),
    slides: model.slides.map((s) => ({
      ...s,
      title: clean(s.title),
      subtitle: clean(s.subtitle),
      speakerNotes: clean(s.speakerNotes),
      emptyMessage: s.emptyMessage === null ? null : clean(s.emptyMessage),
      blocks: s.blocks.map((b) => {
        switch (b.kind) {
          case 'text':
            return { ...b, lines: b.lines.map((l) => ({ ...l, text: clean(l.text) })) }
          case 'note':
            return { ...b, title: clean(b.title), lines: b.lines.map(clean) }
          case 'table':
            return { ...b, title: clean(b.title), footnote: b.footnote === null ? null : clean(b.footnote), columns: b.columns.map((c) => ({ ...c, label: clean(c.label) })), rows: b.rows.map((r) => r.map(clean)) }
          case 'chart': {
            const c = b.chart
            return c.type === 'scatter'
              ? { ...b, chart: { ...c, title: clean(c.title), xAxis: clean(c.xAxis), yAxis: clean(c.yAxis), points: c.points.map((p) => ({ ...p, label: clean(p.label) })) } }
              : { ...b, chart: { ...c, title: clean(c.title), valueAxis: clean(c.valueAxis), categories: c.categories.map(clean), series: c.series.map((x) => ({ ...x, name: clean(x.name) })) } }
          }
        }
      })
    }))
  }
}
