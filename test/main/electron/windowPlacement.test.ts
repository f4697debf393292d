import { describe, expect, it } from 'vitest'
import { windowPlacement } from '../../../src/main/electron/windowPlacement'

const laptop = { x: 0, y: 0, width: 1440, height: 875 }
const external = { x: 1440, y: 0, width: 2560, height: 1400 }
const fallback = { width: 1360, height: 860 }

describe('windowPlacement (the window returns only to a display that still exists)', () => {
  it('keeps the saved place when its display is still there', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false }
    expect(windowPlacement(saved, [laptop, external], fallback)).toEqual(saved)
  })

  it('centres on the primary display, shrunk to fit, when the saved display is gone', () => {
    const saved = { x: 1600, y: 100, width: 2000, height: 1200, maximized: true }
    expect(windowPlacement(saved, [laptop], fallback)).toEqual({ x: 0, y: 0, width: 1440, height: 875, maximized: true })
  })

  it('does not count a window whose title bar is off every display (only its bottom edge peeks in)', () => {
    const saved = { x: 100, y: -780, width: 1200, height: 800, maximized: false }
    const placed = windowPlacement(saved, [laptop], fallback)
    expect(placed.y).toBeGreaterThanOrEqual(0)
    expect(placed).toEqual({ x: 120, y: 38, width: 1200, height: 800, maximized: false })
  })

  it('a display to the left (negative coordinates) is a real place', () => {
    const left = { x: -1920, y: 0, width: 1920, height: 1080 }
    const saved = { x: -1800, y: 50, width: 1000, height: 700, maximized: false }
    expect(windowPlacement(saved, [laptop, left], fallback)).toEqual(saved)
  })

  it('with nothing saved, the default size centred on the primary display', () => {
    expect(windowPlacement(null, [external, laptop], fallback)).toEqual({ x: 1440 + 600, y: 270, width: 1360, height: 860, maximized: false })
  })
})
