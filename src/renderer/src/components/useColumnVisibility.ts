import { useCallback, useState } from 'react'

export type Visibility = Record<string, boolean>

const keyOf = (tableId: string): string => `smo.table.${tableId}.columns`

function read(tableId: string, defaults: Visibility): Visibility {
  try {
    const raw = localStorage.getItem(keyOf(tableId))
    if (raw === null) return defaults
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return defaults
    const out: Visibility = { ...defaults }
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'boolean') out[k] = v
    return out
  } catch {
    return defaults
  }
}

/**
 * Which columns a table shows, remembered per table on this machine. Stored as explicit booleans so
 * a column added in a later version shows up with its own default instead of silently hidden.
 */
export function useColumnVisibility(tableId: string, defaults: Visibility): [Visibility, (next: Visibility | ((prev: Visibility) => Visibility)) => void] {
  const [vis, setVis] = useState<Visibility>(() => read(tableId, defaults))
  const update = useCallback(
    (next: Visibility | ((prev: Visibility) => Visibility)) => {
      setVis((prev) => {
        const value = typeof next === 'function' ? next(prev) : next
        localStorage.setItem(keyOf(tableId), JSON.stringify(value))
        return value
      })
    },
    [tableId]
  )
  return [vis, update]
}
