// Pure (no Electron import) so it is unit-tested; index.ts passes screen.getAllDisplays() work areas.

export type Rect = { x: number; y: number; width: number; height: number }
export type SavedBounds = Rect & { maximized: boolean }

/** How much of the title bar must be on a display for the window to count as reachable there. */
const GRAB = { width: 120, height: 40 }

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

/**
 * Where the window opens: the saved place only if its title bar is still on a display that exists
 * (a laptop unplugged from its second screen must not open off-screen); else the saved size, shrunk
 * to fit, centred on the primary display. With nothing saved, the default size centred.
 */
export function windowPlacement(saved: SavedBounds | null, workAreas: Rect[], fallback: { width: number; height: number }): SavedBounds {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: fallback.width, height: fallback.height }
  if (saved) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height }
    const home = workAreas.find((d) => {
      const o = overlap(titleBar, d)
      return o !== null && o.width >= Math.min(GRAB.width, saved.width) && o.height >= Math.min(GRAB.height, saved.height)
    })
    if (home) return saved
  }
  const width = Math.min(saved?.width ?? fallback.width, primary.width)
  const height = Math.min(saved?.height ?? fallback.height, primary.height)
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false
  }
}
