/** How a file writes its values, as detected (and shown in the preview) or as the person answered. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy'
export type Delimiter = ',' | ';' | '\t' | '|'
export type CellDialect = {
  /** The decimal mark of numbers: a European Excel writes 1.234,5. */
  decimal: '.' | ','
  /** How numeric dates read (03/04/2026): day first or month first; ISO is always year first. */
  dateOrder: DateOrder
  /** The IANA zone a time without its own offset ("2026-12-01 10:00") is read in. */
  zone: string
}

const CANDIDATES: Delimiter[] = [',', ';', '\t', '|']

/** Field counts of the first `max` records for one delimiter, honouring quotes (a quoted newline stays in its record). */
function fieldCounts(text: string, delimiter: string, max: number): number[] {
  const counts: number[] = []
  let n = 1
  let quoted = false
  for (let i = 0; i < text.length && counts.length < max; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (quoted) continue
    else if (c === delimiter) n++
    else if (c === '\n') {
      if (i > 0 && text[i - 1] !== '\n' && !(text[i - 1] === '\r' && text[i - 2] === '\n')) counts.push(n)
      n = 1
    }
  }
  return counts
}

/**
 * The delimiter: the candidate that splits the header into the most columns *and* splits the rows
 * after it into the same number. A German Excel's "Titel;Reichweite" with "3,5" in its cells has
 * one `;` column count everywhere and a ragged `,` count, so `;` wins even though commas are more
 * frequent. A one-column file keeps the comma.
 */
export function detectDelimiter(sample: string): Delimiter {
  let best: { d: Delimiter; score: number; width: number } = { d: ',', score: -1, width: 1 }
  for (const d of CANDIDATES) {
    const counts = fieldCounts(sample, d, 50)
    const width = counts[0] ?? 1
    if (width < 2) continue
    const rest = counts.slice(1)
    const score = rest.length === 0 ? 1 : rest.filter((c) => c === width).length / rest.length
    if (score > best.score || (score === best.score && width > best.width)) best = { d, score, width }
  }
  return best.d
}

const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T]|$)/

/**
 * The order of numeric dates in the date columns: a day over 12 in the first place means day first
 * (31/12/2026), in the second place month first (12/31/2026). dd.mm.yyyy with dots is the European
 * convention and reads day first. Slashed dates whose parts are all 12 or less read both ways:
 * `ambiguous` is set and the person is asked (the preview's question, `--dates dmy|mdy`).
 */
export function detectDateOrder(values: Iterable<string>): { order: DateOrder | null; ambiguous: boolean; conflict: boolean } {
  let dayFirst = false
  let monthFirst = false
  let dotted = false
  let seen = false
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v.trim())
    if (!m) continue
    seen = true
    if (m[2] === '.') dotted = true
    if (Number(m[1]) > 12) dayFirst = true
    if (Number(m[3]) > 12) monthFirst = true
  }
  if (!seen) return { order: null, ambiguous: false, conflict: false }
  if (dayFirst && monthFirst) return { order: null, ambiguous: false, conflict: true }
  if (dayFirst || (dotted && !monthFirst)) return { order: 'dmy', ambiguous: false, conflict: false }
  if (monthFirst) return { order: 'mdy', ambiguous: false, conflict: false }
  return { order: null, ambiguous: true, conflict: false }
}

/**
 * The decimal mark of the number columns: a comma followed by other than three digits (3,5 or
 * 1.234,56) is a decimal comma; a point likewise (3.5, 1,234.56) a decimal point. When the cells
 * do not tell (only 1.234 or 1,234, or whole numbers), a `;`-separated file — what Excel writes in
 * locales with a decimal comma — reads with commas, any other with points.
 */
export function detectDecimal(values: Iterable<string>, delimiter: string = ','): '.' | ',' {
  let comma = false
  let point = false
  for (const raw of values) {
    const v = raw.trim().replace(/[\s\u00a0\u202f%€$£]/g, '')
    if (/^[-+]?\d+(\.\d{3})*,\d+$/.test(v) && !/^[-+]?\d{1,3},\d{3}$/.test(v)) comma = true
    if (/^[-+]?\d+(,\d{3})*\.\d+$/.test(v) && !/^[-+]?\d{1,3}\.\d{3}$/.test(v)) point = true
  }
  if (comma !== point) return comma ? ',' : '.'
  return delimiter === ';' ? ',' : '.'
}

/** "," → "comma", for the preview's one-line description of the file. */
export function delimiterName(d: string): string {
  return ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as Record<string, string>)[d] ?? JSON.stringify(d)
}
