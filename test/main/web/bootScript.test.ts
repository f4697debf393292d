import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bootScriptFor, firstScreenModules, screenPreloads, scriptHash, withBootScript } from '../../../src/main/web/bootScript'

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

  it('is written inline after the entry\'s tags, and the page\'s own policy allows its hash and nothing else inline', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'" />
<script type="module" src="./assets/index-a.js"></script><link rel="modulepreload" href="./assets/b.js">
<link rel="stylesheet" href="./assets/index-a.css"></head><body></body>`
    const script = "window.smoBoot = fetch('/api/boot')"
    const page = withBootScript(html, script)
    const hash = scriptHash(script)
    expect(hash).toBe(`'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    // After the entry and its preloads (asked for first); before the stylesheet, which would hold it until loaded.
    expect(page.indexOf(`<script>${script}</script>`)).toBeGreaterThan(page.indexOf('rel="modulepreload"'))
    expect(page.indexOf(`<script>${script}</script>`)).toBeLessThan(page.indexOf('rel="stylesheet"'))
    expect(page).toContain(`script-src 'self' ${hash}; object-src 'none'`)
    expect(page).not.toContain("'unsafe-inline'")
  })

  it('cannot end its own tag early: the preloads it embeds escape "<"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-boot-'))
    try {
      mkdirSync(join(dir, '.vite'))
      writeFileSync(
        join(dir, '.vite', 'manifest.json'),
        JSON.stringify({ 'index.html': { file: 'assets/index.js' }, 'src/features/calendar/CalendarScreen.tsx': { file: 'assets/</script><script>alert(1)</script>.js' } })
      )
      const script = bootScriptFor(dir)
      expect(script).not.toContain('</script')
      expect(script).toContain('\\u003c/script>')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
