import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The app's own Import… job as a person runs it from the browser host: `smo serve` on a new
 * workspace, the file uploaded (outside the timing, as the page's upload bar is), then from
 * import-start until import-progress says done. Meanwhile the page keeps asking for workspace-info,
 * as the screens do: the longest of those waits says whether the app stayed responsive while writing.
 */
export async function appImportJob(root: string, node: string, ws: string, csv: string, port: number): Promise<{ secs: number; worstReadMs: number }> {
  spawnSync(node, [join(root, 'bin', 'smo.mjs'), 'new', '--workspace', ws])
  const child = spawn(node, [join(root, 'bin', 'smo.mjs'), 'serve', '--workspace', ws, '--no-open', '--port', String(port)], { env: { ...process.env, SMO_USER_DATA: `${ws}-userdata` } })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /Ready: (\S+)/.exec(String(d))
        if (m?.[1]) resolve(m[1])
      })
      child.on('exit', (code) => reject(new Error(`smo serve stopped (${code})`)))
    })
    const token = new URL(url).searchParams.get('token') ?? ''
    const base = `http://127.0.0.1:${port}`
    const headers = { authorization: `Bearer ${token}` }
    const call = async <T>(method: string, data: unknown): Promise<T> => {
      const r = (await (await fetch(`${base}/api/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(data) })).json()) as { ok: boolean; data: T; error?: { message: string } }
      if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
      return r.data
    }
    const up = (await (await fetch(`${base}/api/import-upload`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: readFileSync(csv) })).json()) as { data: { upload: string } }
    const started = performance.now()
    const { job } = await call<{ job: string }>('import-start', { kind: 'content', fileName: 'calendar-100k.csv', upload: up.data.upload, createMissing: true, mapping: { status: '' }, set: { status: 'draft' } })
    let worst = 0
    for (;;) {
      const t = performance.now()
      await call('workspace-info', {})
      worst = Math.max(worst, performance.now() - t)
      const p = await call<{ phase: string; error?: string }>('import-progress', { job })
      if (p.phase === 'done') break
      if (p.phase !== 'checking' && p.phase !== 'writing') throw new Error(`the import job ended ${p.phase}: ${p.error ?? ''}`)
      await new Promise((r) => setTimeout(r, 50))
    }
    return { secs: (performance.now() - started) / 1000, worstReadMs: worst }
  } finally {
    child.kill()
  }
}
