/**
 * The browser host's boot script, served at `/boot.js` and named in the app page only (not in the
 * built index.html, so the desktop window, which talks over IPC, never loads it). A deferred classic
 * script placed before the app's entry: it runs as soon as the page is parsed, a few milliseconds
 * after the HTML arrives, while the entry (~240 KB) is still downloading, and asks `/api/boot` for
 * the first screen's data (bootRoute.ts). The app's api client picks the answers up from
 * `window.smoBoot` (renderer/src/api/bootAnswers.ts). A file rather than inline code: the CSP allows
 * no inline script.
 */
export const bootScript = `// SMO Desk: ask for the first screen's data while the app's scripts load (see bootScript.ts).
(function () {
  try {
    var route = location.hash.replace(/^#\\/?/, '').split(/[/?]/)[0] || ''
    var body = JSON.stringify({ route: route, zone: Intl.DateTimeFormat().resolvedOptions().timeZone, language: navigator.language })
    window.smoBoot = fetch('/api/boot', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
  } catch (e) {
    // No boot answer: the app asks for everything itself, as it would anyway.
  }
})()
`

/** The app page with the boot script ahead of the entry module (deferred scripts run in order). */
export function withBootScript(html: string): string {
  const at = html.indexOf('<script type="module"')
  const tag = '<script defer src="/boot.js"></script>\n    '
  return at < 0 ? html.replace('</head>', `${tag}</head>`) : `${html.slice(0, at)}${tag}${html.slice(at)}`
}
