// svg-to-pdfkit 0.1.8 ships no types; this covers the call the PDF writer makes.
declare module 'svg-to-pdfkit' {
  type SvgToPdfOptions = {
    width?: number
    height?: number
    assumePt?: boolean
    preserveAspectRatio?: string
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string
    warningCallback?: (message: string) => void
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void
  export default SVGtoPDF
}
