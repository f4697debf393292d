/** The first day of the quarter a date is in: the screen passes this, not its cursor, so the charts stay put within a quarter. */
export function quarterStart(d: string): string {
  const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3)
  return `${d.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}-01`
}
