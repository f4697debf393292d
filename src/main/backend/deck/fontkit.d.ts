// fontkit 2.0.4 ships no types; this covers the one call the deck's glyph check makes.
declare module 'fontkit' {
  type Font = { hasGlyphForCodePoint(codePoint: number): boolean }
  export function openSync(path: string): Font
}
