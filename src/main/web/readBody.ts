import type { IncomingMessage } from 'node:http'

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true; limit: number }

/** `8 MB`, `1.5 GB`: a limit as a person reads it. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`
}

/**
 * Read a request body up to `limit` bytes. Past the limit the rest is read and thrown away rather
 * than the socket destroyed: a client still writing into a closed socket sees "connection reset"
 * instead of our 413 and its sentence. Only a body many times the limit (nobody's honest upload) is
 * cut off, so a runaway client cannot keep the host busy for ever.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const hardStop = limit * 64
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
      else if (size > hardStop) req.destroy()
      else chunks.length = 0
    })
    req.on('end', () => resolve(size > limit ? { ok: false, tooLarge: true, limit } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }))
    req.on('error', reject)
  })
}
