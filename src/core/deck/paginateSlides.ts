import type { DeckBlock, SlideDraft } from './deckModel'

/** Rows a table may hold on one slide: alone it has the full height, beside a chart or text less. */
export const ROWS_ALONE = 14
export const ROWS_SHARED = 10

/**
 * Long tables continue on the next slide ("… (continued)", header repeated) instead of being cut with
 * "and N more" or squeezed into unreadable rows. A slide's first table that is too long keeps its
 * first rows; the rest go, in order, onto continuation slides keyed `<key>~2`, `<key>~3`…
 */
export function paginateSlides(drafts: readonly SlideDraft[]): SlideDraft[] {
  return drafts.flatMap((d) => {
    const at = d.blocks.findIndex((b) => b.kind === 'table')
    const table = d.blocks[at]
    if (table?.kind !== 'table') return [d]
    const first = d.blocks.length === 1 ? ROWS_ALONE : ROWS_SHARED
    if (table.rows.length <= first) return [d]
    const head: DeckBlock = { ...table, rows: table.rows.slice(0, first), footnote: `Continued on the next slide (${table.rows.length} rows in all).` }
    const out: SlideDraft[] = [{ ...d, blocks: d.blocks.map((b, i) => (i === at ? head : b)) }]
    for (let from = first, n = 2; from < table.rows.length; from += ROWS_ALONE, n++) {
      const last = from + ROWS_ALONE >= table.rows.length
      out.push({
        key: `${d.key}~${n}`,
        title: `${d.title} (continued)`,
        blocks: [{ ...table, rows: table.rows.slice(from, from + ROWS_ALONE), footnote: last ? table.footnote : 'Continued on the next slide.' }],
        speakerNotes: `Continuation of "${d.title}": rows ${from + 1}–${Math.min(table.rows.length, from + ROWS_ALONE)} of ${table.rows.length}.`,
        emptyMessage: null
      })
    }
    return out
  })
}
