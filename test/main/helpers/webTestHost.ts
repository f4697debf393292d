import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { Backend } from '../../../src/main/backend/backend'
import { startWebHost, type WebHost } from '../../../src/main/web/webHost'

export type RawResponse = { status: number; body: string; headers: Record<string, string | string[] | undefined> }
export type RawRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }

/** The browser host on a real loopback port, serving a one-line renderer written into `dir`. */
export async function startTestHost(b: Backend, dir: string): Promise<WebHost> {
  const renderer = join(dir, 'renderer')
  mkdirSync(renderer, { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SMO Desk</title>')
  return startWebHost(b, { port: 0, rendererDir: renderer })
}

/** One HTTP request exactly as given (no token added), so tests control every header. */
export function rawRequest(port: number, opts: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}
