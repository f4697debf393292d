import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appLogFile } from '../../../src/main/backend/diagnose/diagnosticBundle'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { runSmo } from '../helpers/runSmo'
import { tempDir } from '../helpers/tempWorkspace'

const SECRET = 'planted-Passphrase-7f3a9c'
const TOKEN = 'tok_live_9d8e7f6a5b'
let t: { dir: string; cleanup: () => void }
let userData: string
let ws: string
let title: string
beforeAll(() => {
  t = tempDir('smo-diagnose-')
  userData = join(t.dir, 'userdata')
  ws = join(t.dir, 'demo')
  const r = runSmo(userData, 'demo', '--workspace', ws)
  expect(r.status, r.stderr).toBe(0)
  const db = new Database(join(ws, 'workspace.sqlite'), { readonly: true })
  title = (db.prepare('SELECT title FROM content_item ORDER BY length(title) DESC LIMIT 1').get() as { title: string }).title
  db.close()
  // A secret in the store and, by mistake, in a log line with a token: neither may leave in the bundle.
  fileSecrets(userData).set('team-key', SECRET)
  mkdirSync(join(userData, 'logs'), { recursive: true })
  writeFileSync(appLogFile(userData), `sync: started\nsync: joined with passphrase ${SECRET}\nhttp: authorization=${TOKEN}\nsync: done\n`)
})
afterAll(() => t.cleanup())

describe('smo diagnose (the diagnostic bundle)', () => {
  it('writes a zip with versions, platform, settings, log tail and the check verdict, and no record or secret', () => {
    const out = join(t.dir, 'bundle.zip')
    const r = runSmo(userData, 'diagnose', '--workspace', ws, '--out', out)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Diagnostic bundle written to')
    const raw = readFileSync(out)
    const files = unzipSync(new Uint8Array(raw))
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'log.txt', 'platform.json', 'settings.json', 'versions.json', 'workspace-check.json'])
    const text = Object.values(files).map((f) => strFromU8(f)).join('\n')
    const check = JSON.parse(strFromU8(files['workspace-check.json']!)) as { ok: boolean; counts: { contentItems: number } }
    expect(check.ok).toBe(true)
    expect(check.counts.contentItems).toBeGreaterThan(300)
    expect(JSON.parse(strFromU8(files['versions.json']!)).node).toBe(process.versions.node)
    expect(strFromU8(files['log.txt']!)).toContain('sync: done')
    // Neither in the unpacked text nor anywhere in the raw archive.
    for (const planted of [SECRET, TOKEN, title]) {
      expect(text.includes(planted), planted).toBe(false)
      expect(raw.includes(planted), planted).toBe(false)
    }
  })

  it('refuses an output that is not a .zip or whose folder is missing, writing nothing', () => {
    const bad = runSmo(userData, 'diagnose', '--workspace', ws, '--out', join(t.dir, 'bundle.txt'))
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/must end in \.zip/)
    const missing = runSmo(userData, 'diagnose', '--workspace', ws, '--out', join(t.dir, 'nope', 'b.zip'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/does not exist/)
    expect(existsSync(join(t.dir, 'bundle.txt'))).toBe(false)
  })

  it('a workspace that cannot be opened still gives a bundle, with the reason as the verdict', () => {
    const out = join(t.dir, 'missing.zip')
    const r = runSmo(userData, 'diagnose', '--workspace', join(t.dir, 'no-such-workspace'), '--out', out)
    expect(r.status, r.stderr).toBe(0)
    const check = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['workspace-check.json']!)) as { ok: boolean; error: { message: string } }
    expect(check.ok).toBe(false)
    expect(check.error.message.length).toBeGreaterThan(10)
  })
})
