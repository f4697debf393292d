/**
 * A binary max-heap of item indices with numeric keys; ties go to the lower index so that greedy
 * allocation is deterministic. Allocation pops a few hundred slices from up to 10,000 channels, so
 * O(log n) per slice instead of a scan over all channels is what keeps it within milliseconds.
 */
export class MaxHeap {
  private readonly items: number[] = []
  private readonly keys: Float64Array

  constructor(size: number) {
    this.keys = new Float64Array(size)
  }

  get size(): number {
    return this.items.length
  }

  push(item: number, key: number): void {
    this.keys[item] = key
    this.items.push(item)
    this.up(this.items.length - 1)
  }

  peek(): number | undefined {
    return this.items[0]
  }

  keyOf(item: number): number {
    return this.keys[item] ?? 0
  }

  pop(): number | undefined {
    const top = this.items[0]
    const last = this.items.pop()
    if (top === undefined || last === undefined) return undefined
    if (this.items.length > 0) {
      this.items[0] = last
      this.down(0)
    }
    return top
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a] ?? 0
    const kb = this.keys[b] ?? 0
    return ka > kb || (ka === kb && a < b)
  }

  private up(i: number): void {
    const items = this.items
    let at = i
    while (at > 0) {
      const parent = (at - 1) >> 1
      const a = items[at] ?? 0
      const p = items[parent] ?? 0
      if (!this.above(a, p)) break
      items[at] = p
      items[parent] = a
      at = parent
    }
  }

  private down(i: number): void {
    const items = this.items
    const n = items.length
    let at = i
    for (;;) {
      const l = 2 * at + 1
      const r = l + 1
      let best = at
      if (l < n && this.above(items[l] ?? 0, items[best] ?? 0)) best = l
      if (r < n && this.above(items[r] ?? 0, items[best] ?? 0)) best = r
      if (best === at) break
      const tmp = items[at] ?? 0
      items[at] = items[best] ?? 0
      items[best] = tmp
      at = best
    }
  }
}
