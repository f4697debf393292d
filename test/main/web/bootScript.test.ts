import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bootScriptFor, firstScreenModules, screenPreloads, withBootScript } from '../../../src/main/web/bootScript'

const root = join(import.meta.dirname, '..', '..', '..')

describe('the boot script (#17)', () => {
  it("preloads a first screen's chunks and styles, not what the entry already brings", () => {
    const manifest = {
      'index.html': { file: 'assets/index-a.js', imports: ['_react-b.js'] },
      '_react-b.js': { file: 'assets/react-b.js' },
      'src/features/calendar/CalendarScreen.tsx': { file: 'assets/CalendarScreen-c.js', css: ['assets/calendar-c.css'], imports: ['_react-b.js', 'index.html', '_names-d.js'] },
      '_names-d.js': { file: 'assets/names-d.js', imports: ['_dates-e.js'] },
      '_dates-e.js': { file: 'assets/dates-e.js' }
    }
    expect(screenPreloads(manifest).calendar).toEqual({
      js: ['/assets/CalendarScreen-c.js', '/assets/names-d.js', '/assets/dates-e.js'],
      css: ['/assets/calendar-c.css']
    })
    // No manifest (an older build): the script still asks for the data, and preloads nothing.
    const script = bootScriptFor(join(root, 'no-such-build'))
    expect(script).toContain("fetch('/api/boot'")
    expect(script).toContain('var pre = {}[route]')
  })

  it('names the modules App.tsx loads for those screens', () => {
    const app = readFileSync(join(root, 'src', 'renderer', 'src', 'App.tsx'), 'utf8')
    for (const [route, module] of Object.entries(firstScreenModules)) {
      expect(existsSync(join(root, 'src', 'renderer', module)), module).toBe(true)
      const id = route === '' ? 'mine' : route
      expect(app).toContain(`${id}: () => import('./${module.replace(/^src\//, '').replace(/\.tsx$/, '')}')`)
    }
  })

  it('goes ahead of the entry module, so it runs first', () => {
    const page = withBootScript('<head><script type="module" src="./assets/index-a.js"></script></head>')
    expect(page).toMatch(/<script defer src="\/boot.js"><\/script>\s*<script type="module"/)
  })
})
