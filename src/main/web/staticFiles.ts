import { existsSync, readFileSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json'
}

/**
 * Serve the built renderer; unknown paths fall back to index.html (the app routes by hash).
 * `page` rewrites index.html once, as read (the browser host adds its boot script, bootScript.ts).
 * Says what it sent: the app's page, another file, or nothing (no build).
 */
export function staticFiles(root: string, page: (html: string) => string = (html) => html) {
  const cache = new Map<string, Buffer>()
  return (pathname: string, res: ServerResponse): 'page' | 'file' | 'none' => {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    let file = join(root, rel)
    if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The SMO Desk interface has not been built. Run `npm run build` (or `npm start`) first.')
      return 'none'
    }
    let body = cache.get(file)
    if (!body) {
      body = readFileSync(file)
      if (extname(file) === '.html') body = Buffer.from(page(body.toString('utf8')))
      cache.set(file, body)
    }
    const immutable = file.includes(`${sep}assets${sep}`)
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    })
    res.end(body)
    return extname(file) === '.html' ? 'page' : 'file'
  }
}
