// The test tsconfig includes test files only; this pulls in the structure options pdfkit reads but its types lack.
// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="./pdfkit-structure.d.ts" />

/**
 * Small helpers for a tagged PDF: everything drawn is either content inside a structure element
 * (heading, paragraph, table cell, figure with alt text) or an artifact (page furniture such as the
 * footer, slide number, rules and cell fills), which is what screen readers and PDF/UA checkers need.
 */
export type Struct = PDFKit.PDFStructureElement

/** Draws page furniture a reader should skip. */
export function artifact(doc: PDFKit.PDFDocument, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type })
  draw()
  doc.endMarkedContent()
}

/** Adds a structure element with the content `draw` puts on the page, under `parent`, in reading order. */
export function tag(doc: PDFKit.PDFDocument, parent: Struct, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
  parent.add(doc.struct(type, options, draw))
}

/** Adds a grouping element (Sect, Table, TR, L, LI) and returns it; end it when its children are in. */
export function group(doc: PDFKit.PDFDocument, parent: Struct, type: string, options: PDFKit.Mixins.StructureElementOptions = {}): Struct {
  const el = doc.struct(type, options)
  parent.add(el)
  return el
}
