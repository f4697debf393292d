import type { ExportTable } from './exportTable'

/** The 27 characters Windows-1252 keeps at 0x80–0x9F (where Latin-1 has control codes); the rest of 0x00–0xFF is Latin-1. */
const HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f
}

function byteOf(code: number): number | null {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
  return HIGH[code] ?? null
}

/** Text → Windows-1252 bytes, or the first character it cannot hold. */
export function encodeWindows1252(text: string): { bytes: Uint8Array } | { error: string } {
  const out = new Uint8Array(text.length)
  let n = 0
  for (const ch of text) {
    const b = byteOf(ch.codePointAt(0) ?? 0)
    if (b === null) return { error: `"${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) has no Windows-1252 code` }
    out[n++] = b
  }
  return { bytes: out.subarray(0, n) }
}

/**
 * Where a table holds characters Windows-1252 cannot (emoji, arrows, most non-Latin scripts): spreadsheet
 * row (the header is row 1), column and character. The excel-eu dialect refuses such a table rather
 * than write "?" in their place: nothing is silently changed. At most `limit` places; `count` is all.
 */
export function unencodable1252(table: ExportTable, limit = 20): { count: number; places: { row: number; column: string; char: string }[] } {
  const places: { row: number; column: string; char: string }[] = []
  let count = 0
  const check = (text: string, row: number, column: string) => {
    for (const ch of text)
      if (byteOf(ch.codePointAt(0) ?? 0) === null) {
        count++
        if (places.length < limit) places.push({ row, column, char: ch })
        return
      }
  }
  table.headers.forEach((h) => check(h, 1, h))
  table.rows.forEach((r, i) => r.forEach((v, c) => typeof v === 'string' && check(v, i + 2, table.headers[c] ?? `column ${c + 1}`)))
  return { count, places }
}

/** "row 12, Title: "→" (U+2192)" for a refusal. */
export function describe1252(p: { row: number; column: string; char: string }): string {
  return `row ${p.row}, ${p.column}: "${p.char}" (U+${(p.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`
}
