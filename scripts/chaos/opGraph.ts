/**
 * The global op graph, read from every ops file the devices ever published (deleted chunks
 * included): per op id, per field it wrote, the ids it superseded. This is what "an ancestor of a
 * head" means in I2, independent of what any single replica kept.
 */
import { parseOpRecord } from '../../src/core/sync/op'
import { decodeSegment } from '../../src/main/backend/sync/segmentCodec'

/** op id → field key (`tbl/row/col`) → base ids of that write. */
export type OpGraph = Map<string, Map<string, string[]>>

export function opGraph(files: readonly Buffer[]): OpGraph {
  const graph: OpGraph = new Map()
  for (const buf of files) {
    const decoded = decodeSegment(buf, { keys: () => null })
    if (decoded.status !== 'ok') continue
    for (const text of decoded.records) {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        break
      }
      const op = parseOpRecord(decoded.header.dev, value)
      if (!op) break
      const id = `${op.d}:${op.s}`
      if (graph.has(id)) continue
      const writes = new Map<string, string[]>()
      for (const w of op.tx) for (const col of Object.keys(w.set)) writes.set(`${w.t}/${w.r}/${col}`, w.b[col] ?? [])
      graph.set(id, writes)
    }
  }
  return graph
}
