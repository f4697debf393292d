/**
 * SYNC.md §3.3 fault 18 with a real process: a workspace is killed (SIGKILL) in the middle of
 * publishing, after the temp file is written and after the rename, and at a random moment of a big
 * flush. On restart nothing is lost: the outbox is intact or the file is verified, orphan temps are
 * swept, and a teammate receives every edit exactly once.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../src/main/backend/backend'
import { createBackend } from '../../../src/main/backend/backend'
import { sql } from '../../../src/main/backend/db/sql'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { syncFolderOf, syncNow, syncSetup, syncStatus } from '../../../src/main/backend/services/syncService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { tempDir } from '../helpers/tempWorkspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function open(dir: string, folders: Record<string, string> = {}): Promise<Backend> {
  const ws = await openWorkspace(dir, { create: true, lock: 'test' })
  const b = createBackend(ws, memorySettings({ syncFolders: folders }), fileSecrets(`${dir}-userdata`))
  cleanups.push(() => b.close())
  return b
}

function runChild(args: string[], killAt: 'STEP' | number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'flushChild.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (killAt === 'STEP' && out.includes('STEP')) child.kill('SIGKILL')
      if (typeof killAt === 'number' && out.includes('EDITED')) setTimeout(() => child.kill('SIGKILL'), killAt)
    })
    child.once('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))))
  })
}

const count = (b: Backend, like: string) => b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channel WHERE name LIKE ${like}`)?.n ?? -1

describe('a workspace killed mid-flush by a separate process', () => {
  for (const [name, killAt, n] of [['after the temp write', 'STEP', 5], ['after the rename, before marking published', 'STEP', 5], ['at a random moment of a 400-edit flush', 40, 400]] as const) {
    it(`loses nothing when killed ${name}`, async () => {
      const t = tempDir('smo-sync-kill-')
      cleanups.push(t.cleanup)
      const folder = join(t.dir, 'share')
      mkdirSync(folder)
      const aDir = join(t.dir, 'a')
      let a = await open(aDir)
      syncSetup(a, { mode: 'create', folder })
      const teamDir = syncFolderOf(a) ?? ''
      const teamId = syncStatus(a).teamId ?? ''
      const devDir = join(teamDir, 'devices', a.ws.deviceId)
      a.close()
      cleanups.pop()
      const step = name.startsWith('after the temp') ? 'afterTempWrite' : name.startsWith('after the rename') ? 'afterRename' : 'none'
      const out = await runChild([aDir, teamDir, teamId, String(n), step], killAt)
      expect(out).toContain('EDITED')
      if (killAt === 'STEP') expect(out).not.toContain('DONE')
      a = await open(aDir, { [aDir]: teamDir })
      expect(count(a, 'Killed %')).toBe(n)
      const r = syncNow(a)
      expect(r.problems).toEqual([])
      expect(syncStatus(a).waiting).toBe(0)
      expect(existsSync(devDir) ? readdirSync(devDir).filter((f) => f.includes('.tmp-')) : []).toEqual([])
      const b = await open(join(t.dir, 'b'))
      syncSetup(b, { mode: 'join', folder })
      expect(count(b, 'Killed %')).toBe(n)
      expect(b.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sync_fork`)?.n).toBe(0)
    }, 60_000)
  }
})
