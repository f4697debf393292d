import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The browser host's boot script, written inline into the app page only (not into the built
 * index.html, so the desktop window, which talks over IPC, never runs it). It runs as the page is
 * parsed, before the app's entry, a few milliseconds after the HTML arrives, while the entry
 * (~240 KB) is still downloading, and asks `/api/boot` for the first screen's data (bootRoute.ts).
 * The app's api client picks the answers up from `window.smoBoot` (renderer/src/api/bootAnswers.ts).
 * It also preloads the route's own chunks, which the app would otherwise ask for only once its entry
 * has run. Inline rather than a file: a file was one more round trip before the boot request could
 * leave (~50–100 ms of the cold start, issue #17). The CSP still allows no other inline script: it
 * names this script's own hash (scriptHash).
 */
type Manifest = Record<string, { file: string; css?: string[]; imports?: string[] }>
type Preloads = Record<string, { js: string[]; css: string[] }>

/**
 * The first screens' modules as App.tsx's screen loaders import them (test/main/web/bootScript.test.ts
 * checks they still do). The empty route is the default screen, My work.
 */
export const firstScreenModules: Record<string, string> = {
  calendar: 'src/features/calendar/CalendarScreen.tsx',
  mine: 'src/features/people/MyWorkScreen.tsx',
  '': 'src/features/people/MyWorkScreen.tsx'
}

/**
 * Each first screen's chunks and styles, from the renderer build's manifest, less what the page
 * already preloads for its entry: fetched beside the entry instead of after it has run.
 */
export function screenPreloads(manifest: Manifest): Preloads {
  const entry = manifest['index.html']
  const already = new Set<string>(['index.html', ...(entry?.imports ?? [])])
  const out: Preloads = {}
  for (const [route, key] of Object.entries(firstScreenModules)) {
    const js: string[] = []
    const css: string[] = []
    const seen = new Set<string>()
    const walk = (k: string) => {
      const chunk = manifest[k]
      if (chunk === undefined || seen.has(k) || already.has(k)) return
      seen.add(k)
      js.push(`/${chunk.file}`)
      for (const c of chunk.css ?? []) css.push(`/${c}`)
      for (const i of chunk.imports ?? []) walk(i)
    }
    walk(key)
    if (js.length > 0) out[route] = { js, css }
  }
  return out
}

/** The script for a renderer build folder (its manifest read once); without a manifest, no preloads. */
export function bootScriptFor(rendererDir: string): string {
  let preloads: Preloads = {}
  try {
    preloads = screenPreloads(JSON.parse(readFileSync(join(rendererDir, '.vite', 'manifest.json'), 'utf8')) as Manifest)
  } catch {
    // An older build without a manifest: the screen's chunks come when the app asks for them.
  }
  return `// SMO Desk: ask for the first screen's data and code while the app's scripts load (see bootScript.ts).
(function () {
  try {
    var route = location.hash.replace(/^#\\/?/, '').split(/[/?]/)[0] || ''
    // Today from the Date getters (the browser's time zone): Intl's first use costs tens of ms here.
    var d = new Date()
    var two = function (n) { return (n < 10 ? '0' : '') + n }
    var today = d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate())
    var pre = ${JSON.stringify(preloads).replace(/</g, '\\u003c')}[route]
    var add = function (rel, href, as) {
      var l = document.createElement('link')
      l.rel = rel
      l.href = href
      if (as) l.as = as
      // As the app's own preloads ask (CORS, same-origin credentials): otherwise a second request.
      l.crossOrigin = ''
      document.head.appendChild(l)
    }
    if (pre) {
      pre.js.forEach(function (h) { add('modulepreload', h) })
      pre.css.forEach(function (h) { add('preload', h, 'style') })
    }
    var body = JSON.stringify({ route: route, today: today, language: navigator.language })
    var headers = { 'Content-Type': 'application/json' }
    // A tab that was given the token instead of the cookie keeps it here (renderer api/httpToken.ts).
    var token = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('smo.token')
    if (token) headers.Authorization = 'Bearer ' + token
    // Sent at once: the server began loading its handlers as it sent this page (webHost.ts).
    window.smoBoot = fetch('/api/boot', { method: 'POST', headers: headers, body: body })
  } catch (e) {
    // No boot answer: the app asks for everything itself, as it would anyway.
  }
})()
`
}

/** The CSP source that allows exactly this inline script and no other. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`
}

/**
 * The app page with the boot script inline after the tags of the entry and its chunks, so the browser
 * asks for those first, and ahead of the stylesheets: an inline script after a stylesheet waits for it
 * to load. It still runs before the entry (a module script waits for the page to be parsed). The page's
 * own policy (a meta tag, for the desktop window) then allows this script's hash too: a page with two
 * policies runs only what both allow.
 */
export function withBootScript(html: string, script: string): string {
  const policy = html.replace(/(http-equiv="Content-Security-Policy"[^>]*?script-src 'self')/, `$1 ${scriptHash(script)}`)
  const end = policy.indexOf('</head>')
  const sheet = policy.indexOf('<link rel="stylesheet"')
  const at = sheet >= 0 && sheet < end ? sheet : end
  // The script holds no "</script": its one embedded value (the preloads) escapes every "<".
  return at < 0 ? policy : `${policy.slice(0, at)}<script>${script}</script>\n    ${policy.slice(at)}`
}
