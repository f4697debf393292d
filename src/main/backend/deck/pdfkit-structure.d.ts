// pdfkit 0.20 reads these structure element options (table header scope, a figure's box), but
// @types/pdfkit 0.17 does not list them yet.
declare namespace PDFKit.Mixins {
  interface StructureElementOptions {
    /** TH: which cells this header heads. */
    scope?: 'Row' | 'Column' | 'Both'
    /** Figure: its box on the page [left, top, right, bottom] in points from the top-left corner. */
    bbox?: [number, number, number, number]
    placement?: 'Block' | 'Inline'
  }
}
