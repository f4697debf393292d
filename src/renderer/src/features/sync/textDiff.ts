/**
 * Line diff for the side-by-side view of a long text conflict (LCS over lines; briefs and notes are
 * short enough that the quadratic table is fine). Each side gets its lines marked same or changed.
 */
export type DiffLine = { text: string; changed: boolean }

export function textDiff(a: string, b: string): { left: DiffLine[]; right: DiffLine[] } {
  const x = a.split('\n')
  const y = b.split('\n')
  if (x.length * y.length > 250_000) return { left: x.map((text) => ({ text, changed: true })), right: y.map((text) => ({ text, changed: true })) }
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[]
      row[j] = x[i] === y[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const left: DiffLine[] = []
  const right: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      left.push({ text: x[i] ?? '', changed: false })
      right.push({ text: y[j] ?? '', changed: false })
      i++
      j++
    } else if (j < y.length && (i >= x.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      right.push({ text: y[j] ?? '', changed: true })
      j++
    } else {
      left.push({ text: x[i] ?? '', changed: true })
      i++
    }
  }
  return { left, right }
}
