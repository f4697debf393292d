import { useCallback, useRef, useState, type PointerEvent } from 'react'

export type LassoRect = { left: number; top: number; width: number; height: number }

/** Pointer travel below this is a click (or the start of a double-click), not a lasso. */
const THRESHOLD = 5

/**
 * A rubber-band selection over a scrolling box: press on empty space, drag a rectangle, release to
 * select every `[data-id]` chip it touches (Shift/Ctrl/Cmd adds to the selection). Presses on chips,
 * buttons and inputs are left alone so chip drags and clicks behave as before. The rectangle is in
 * the box's content coordinates so it stays put while the box scrolls.
 */
export function useLasso(onSelect: (ids: string[], additive: boolean) => void) {
  const box = useRef<HTMLDivElement>(null)
  const start = useRef<{ x: number; y: number; id: number; additive: boolean } | null>(null)
  const [rect, setRect] = useState<LassoRect | null>(null)

  const point = (e: PointerEvent) => {
    const el = box.current
    if (!el) return { x: 0, y: 0 }
    const r = el.getBoundingClientRect()
    return { x: e.clientX - r.left + el.scrollLeft, y: e.clientY - r.top + el.scrollTop }
  }

  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('[data-id], button, input, select, a')) return
    const p = point(e)
    start.current = { ...p, id: e.pointerId, additive: e.shiftKey || e.ctrlKey || e.metaKey }
  }, [])

  const onPointerMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const s = start.current
    if (!s || s.id !== e.pointerId) return
    const p = point(e)
    if (rect === null && Math.hypot(p.x - s.x, p.y - s.y) < THRESHOLD) return
    if (rect === null) box.current?.setPointerCapture(e.pointerId)
    e.preventDefault()
    setRect({ left: Math.min(s.x, p.x), top: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) })
  }, [rect])

  const onPointerUp = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const s = start.current
    start.current = null
    const el = box.current
    if (!s || rect === null || !el) return
    setRect(null)
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId)
    const b = el.getBoundingClientRect()
    const lasso = { left: b.left + rect.left - el.scrollLeft, top: b.top + rect.top - el.scrollTop, right: 0, bottom: 0 }
    lasso.right = lasso.left + rect.width
    lasso.bottom = lasso.top + rect.height
    const ids = [...el.querySelectorAll<HTMLElement>('[data-id]')]
      .filter((c) => {
        const r = c.getBoundingClientRect()
        return r.right >= lasso.left && r.left <= lasso.right && r.bottom >= lasso.top && r.top <= lasso.bottom
      })
      .map((c) => c.dataset.id ?? '')
      .filter(Boolean)
    onSelect([...new Set(ids)], s.additive)
  }, [rect, onSelect])

  const onPointerCancel = useCallback(() => {
    start.current = null
    setRect(null)
  }, [])

  return { box, rect, onPointerDown, onPointerMove, onPointerUp, onPointerCancel }
}
