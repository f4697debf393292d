/**
 * `smo check` loads only what a check needs (#17: ≤ 200 ms and ≤ 100 MB as a whole process; the
 * figures are in the coldstart bench). What this guards is the cause: the commands used to be
 * imported all at once, so a check paid for the deck writers, the spreadsheet readers and the
 * browser host. A preload records every package the process loads.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runSmo } from '../helpers/runSmo'

/**
 * zod, luxon and conf (with ajv) are bundled into out/main (electron.vite.config.ts), so their code
 * comes in built chunks rather than from node_modules: a chunk that carries one is as heavy.
 */
const BUNDLED: Record<string, RegExp> = { zod: /ZodError/, luxon: /Invalid DateTime/, ajv: /ajv/ }
const HEAVY = ['zod', 'luxon', 'pptxgenjs', 'exceljs', 'echarts', 'pdfkit', 'papaparse', 'conf', 'ajv', 'fflate', 'ical.js', '@resvg/resvg-js']

describe('smo check starts light', () => {
  it('loads none of the heavy libraries other commands need', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-check-light-'))
    const userData = join(dir, 'userdata')
    expect(runSmo(userData, 'demo', '--workspace', join(dir, 'ws')).status).toBe(0)
    const hook = join(dir, 'record.mjs')
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module'
const seen = new Set()
const chunks = new Set()
registerHooks({ resolve(spec, ctx, next) { const r = next(spec, ctx); const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url); if (m) seen.add(m[1]); if (r.url.includes('/out/main/')) chunks.add(r.url); return r } })
process.on('exit', () => process.stderr.write('\\nLOADED=' + JSON.stringify([...seen]) + '\\nCHUNKS=' + JSON.stringify([...chunks]) + '\\n'))
`
    )
    const r = spawnSync(process.execPath, ['--import', hook, join(process.cwd(), 'bin', 'smo.mjs'), 'check', '--workspace', join(dir, 'ws'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, SMO_USER_DATA: userData }
    })
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { ok: boolean }).ok).toBe(true)
    const loaded = JSON.parse(/LOADED=(.*)/.exec(r.stderr)?.[1] ?? '[]') as string[]
    expect(loaded).toContain('better-sqlite3')
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([])
    const chunks = JSON.parse(/CHUNKS=(.*)/.exec(r.stderr)?.[1] ?? '[]') as string[]
    // From the build, the libraries come inside chunks; from the sources (a build older than them,
    // bin/smo.mjs), from node_modules, which LOADED above covers.
    const carried = chunks.flatMap((u) => {
      const code = readFileSync(fileURLToPath(u), 'utf8')
      return Object.entries(BUNDLED).filter(([, mark]) => mark.test(code)).map(([lib]) => `${lib} in ${u.replace(/.*\/out\/main\//, '')}`)
    })
    expect(carried).toEqual([])
  })
})
